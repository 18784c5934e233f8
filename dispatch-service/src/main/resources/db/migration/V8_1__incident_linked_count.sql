-- How many earlier incidents intake linked to this one as being about the same child (a count, never who).
alter table incident add column linked_incidents integer not null default 0;
