-- Cells: the rollup also keeps a tally per (district, category, partner kind, school type), of any severity and of
-- each (Slice.Dimension.CELL), so that a filter on two dimensions or more merges the cells it covers instead of
-- reading every incident of its period. Cells have no finished figures (a series reads those of single slices only).
-- Every day with an incident is rolled up again to build them, weeks and months after.
alter table stats_rollup alter column figures drop not null;
insert into stats_change (grain, period)
select distinct 'D', cast(received_at at time zone 'Asia/Almaty' as date) from incident_fact where received_at is not null;
