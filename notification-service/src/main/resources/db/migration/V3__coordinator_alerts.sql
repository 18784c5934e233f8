-- A page to the duty coordinator says why they are paged (a CoordinatorAlert reason) and about which role of the
-- team; null on every other page.
alter table page add column alert_reason varchar(30);
alter table page add column alert_role varchar(30);
