-- Every stored tally gets a version of its own, new on each write: readers cache decoded tallies and finished figures
-- by version (StoredTallies) and fetch only the rows whose version they have not seen.
create sequence stats_rollup_version;
alter table stats_rollup add column version bigint not null default nextval('stats_rollup_version');
create unique index stats_rollup_by_version on stats_rollup (version);
