-- Issue 9: the figures over a million incidents come from a few tallies per period, not from a cell per incident
-- and bin. stats_cell held that (as many rows as incidents times figures); it goes, with each incident's stored
-- contribution: the rollup is computed again from the incidents of a day when they change.
drop table stats_cell;
alter table incident_fact drop column counted;

-- Per Asia/Almaty day (D), ISO week from Monday (W) and month (M) and per slice of the incidents: all of them
-- (dimension ALL) or one value of one dimension (DISTRICT, CATEGORY, PARTNER_KIND, SCHOOL_TYPE), of any severity
-- ('') or one: the slice's tally (TallyCodec, mergeable) and its finished figures (the Summary as JSON, what a
-- series bucket of exactly that period shows).
create table stats_rollup (
    grain      char(1)     not null,
    period     date        not null,
    dimension  varchar(16) not null,
    value      varchar(64) not null,
    severity   varchar(2)  not null,
    tally      bytea       not null,
    figures    text        not null,
    primary key (dimension, value, severity, grain, period)
);
-- compressed already (CBOR, sketches): keep PostgreSQL from trying again on every read
alter table stats_rollup alter column tally set storage external;
create index stats_rollup_period on stats_rollup (grain, period);

-- Periods whose incidents changed since they were last rolled up: one row per transaction and day, appended (the
-- consumers never wait on one another here); the rollup deletes the rows it has seen once it has rolled the period
-- up. at: when, so that a burst is rolled up once it settles (RollupConfig).
create table stats_change (
    id      bigserial   primary key,
    grain   char(1)     not null,
    period  date        not null,
    at      timestamptz not null default now()
);
create index stats_change_period on stats_change (grain, period);
