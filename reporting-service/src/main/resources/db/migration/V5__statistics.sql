-- Issue 9: the figures the centre publishes, kept as aggregates that grow as events arrive.
alter table incident_fact add column partner_kind varchar(24);
-- The child's statistics pseudonym from intake (an HMAC under a key reporting never has; see the README).
alter table incident_fact add column child_key varchar(64);
alter table incident_fact add column on_scene_at timestamptz;
-- The earliest acknowledgement deadline of a team page (dispatch's PageRequested): the SLA's deadline.
alter table incident_fact add column ack_deadline timestamptz;
-- What the incident currently adds to stats_cell (JSON, see Contribution); replaced, as a difference, on every event.
alter table incident_fact add column counted text;

-- A psychologist's acknowledged assignment makes the incident's child counselled.
alter table assignment_fact add column role varchar(24);

-- One row per page: the channels dispatch asked for, and whether every one of them failed.
create table page_fact (
    page_id        uuid primary key,
    incident_id    uuid not null,
    channels       varchar(200),
    failed_at      timestamptz
);
create index page_fact_incident on page_fact (incident_id);

-- Per Asia/Almaty day of receipt and classification: one value per figure. bin is 0 for plain counts, the
-- HdrHistogram bucket (its lowest equivalent value, in seconds) for response times, and the child's pseudonym
-- (64 bits) for children. All values add up, so any set of days merges by sum.
create table stats_cell (
    day           date        not null,
    district      varchar(20) not null,
    category      varchar(40) not null,
    severity      varchar(2)  not null,
    partner_kind  varchar(24) not null,
    school_id     varchar(64) not null,
    figure        varchar(40) not null,
    bin           bigint      not null,
    value         bigint      not null,
    primary key (day, district, category, severity, partner_kind, school_id, figure, bin)
);
create index stats_cell_figure on stats_cell (figure, day);

-- The school registry ops imports as CSV.
create table school (
    school_id   varchar(64) primary key,
    name        varchar(200) not null,
    type        varchar(10) not null,
    district    varchar(20) not null,
    sample      boolean not null default false
);
