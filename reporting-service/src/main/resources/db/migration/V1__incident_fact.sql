-- One row per incident, merged from the events of intake, dispatch and notification. The events of one incident
-- travel on three topics and may be consumed in any order, so every column is nullable and filled by whichever
-- event carries it; statistics count only rows whose report has arrived (received_at is not null).
-- Classifications only: no child names, contacts or free text are ever stored here.
create table incident_fact (
    incident_id         uuid primary key,
    partner_id          varchar(64),
    category            varchar(40),
    severity            varchar(2),
    district            varchar(20),
    school_id           varchar(64),
    child_language      varchar(2),
    received_at         timestamptz,
    first_assigned_at   timestamptz,
    last_unassigned_at  timestamptz,
    first_paged_at      timestamptz,
    acknowledged_at     timestamptz,
    page_failed_at      timestamptz
);
create index incident_fact_received on incident_fact (received_at);
