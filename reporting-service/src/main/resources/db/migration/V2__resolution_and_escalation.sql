-- When dispatch first had to escalate a missed acknowledgement deadline, and when the whole team was done.
alter table incident_fact add column first_escalated_at timestamptz;
alter table incident_fact add column resolved_at timestamptz;
