-- The duty coordinator alerted is an assignment of role COORDINATOR: why (a CoordinatorAlert reason) and about
-- which role of the team. Null on every team assignment.
alter table assignment add column alert_reason varchar(30);
alter table assignment add column alert_role varchar(30);
-- When the assignment left the responder's hands (resolved, cancelled, declined, escalated, handed on): rest runs
-- from the end of the last work they had taken in hand.
alter table assignment add column ended_at timestamptz;
create index assignment_responder_ended on assignment (responder_id, ended_at) where ended_at is not null;
-- Incidents still waiting for a role are retried whenever someone may have come on call.
create index incident_waiting on incident (id) where status in ('UNASSIGNED', 'PARTIALLY_ASSIGNED');
