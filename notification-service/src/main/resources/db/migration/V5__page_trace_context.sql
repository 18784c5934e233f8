-- The W3C trace context of the consumer that took the page request: delivering the page and its answer happen later
-- on other threads (the delivery worker, the link's request) and continue the incident's trace from here.
alter table page add column trace_parent varchar(55);
alter table page add column trace_state  varchar(512);
