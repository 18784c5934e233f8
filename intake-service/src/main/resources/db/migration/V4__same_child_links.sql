-- The pseudonymous child key (HMAC of the normalized name and birth year) and the links it made between incidents
-- about the same child. A link is AUTO when made at intake; the coordinator may CONFIRM or SPLIT it.
alter table incident add column child_key varchar(64);
create index incident_child_key on incident (child_key, received_at);

create table incident_link (
    id           bigserial   primary key,
    incident_id  uuid        not null references incident (id),
    earlier_id   uuid        not null references incident (id),
    status       varchar(10) not null,
    linked_at    timestamptz not null,
    decided_by   varchar(100),
    decided_at   timestamptz,
    unique (incident_id, earlier_id)
);
create index incident_link_earlier on incident_link (earlier_id);
