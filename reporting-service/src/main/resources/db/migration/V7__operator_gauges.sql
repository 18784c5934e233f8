-- Issue 9's operator gauges read "now" from incident_fact: these keep them from scanning every incident.
-- Open incidents (neither resolved nor cancelled), by severity; unassigned now is a subset of them.
create index incident_fact_open on incident_fact (severity) where resolved_at is null and cancelled_at is null;
-- SLA breaches in the last hour: by the time the deadline passed (or the escalation, without a known deadline).
create index incident_fact_breach_time on incident_fact ((coalesce(ack_deadline, first_escalated_at)));
