-- The W3C trace context of the transaction that wrote an outbox row: the relay sends the row later on its own
-- thread, so the context travels with the row and the record it becomes continues the writer's trace.
alter table outbox_event add column trace_parent varchar(55);
alter table outbox_event add column trace_state  varchar(512);
