-- An assignment moves ASSIGNED -> ACKNOWLEDGED -> ON_SCENE -> RESOLVED, or ends DECLINED, ESCALATED or CANCELLED;
-- status_reason says why it last moved. Informed roles are paged without having to acknowledge.
alter table assignment add column must_acknowledge boolean not null default true;
alter table assignment add column status_reason varchar(300);
-- The acknowledgement timer lives here so that it survives restarts: due rows are claimed with SKIP LOCKED.
alter table assignment add column ack_deadline timestamptz;
alter table assignment add column missed_deadlines integer not null default 0;
create index assignment_ack_due on assignment (ack_deadline) where ack_deadline is not null;
