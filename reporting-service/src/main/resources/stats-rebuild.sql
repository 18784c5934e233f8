-- What ./zhedel rebuild-stats clears before reporting reads its topics again from the beginning: everything derived
-- from events (the facts, the aggregates) and the inbox, so that every event applies again. The school registry
-- is ops' import, not derived: it stays. Also run by StatsRebuild (the rebuild test).
truncate table incident_fact, assignment_fact, page_fact, stats_rollup, stats_change, processed_event;
