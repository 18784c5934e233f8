-- Per assignment: whether it is the duty coordinator's alert (dispatch's IncidentDispatched says, role COORDINATOR)
-- and when its page was delivered, failed or acknowledged. A coordinator's alert is not the incident being paged or
-- acknowledged; the topics arrive in any order, so an alert's page times may be here before we know it is one.
create table assignment_fact (
    assignment_id    uuid primary key,
    incident_id      uuid not null,
    coordinator      boolean,
    paged_at         timestamptz,
    page_failed_at   timestamptz,
    acknowledged_at  timestamptz
);
create index assignment_fact_incident on assignment_fact (incident_id);
