-- The tallies' histograms are stored packed (Durations#toBytes) instead of as CBOR arrays: the stored rollup is
-- dropped and every day with an incident is rolled up again from its incidents (StatsRollup), weeks and months after.
truncate table stats_rollup;
insert into stats_change (grain, period)
select distinct 'D', cast(received_at at time zone 'Asia/Almaty' as date) from incident_fact where received_at is not null;
