-- Staff who can be called out. Districts, languages and contacts live in child tables so that they stay
-- queryable ("who covers BAIKONUR and speaks kk?") and keep the order the coordinator gave them.
create table responder (
    id    uuid primary key,
    name  varchar(200) not null,
    role  varchar(30)  not null
);
create index responder_role on responder (role);

create table responder_district (
    responder_id  uuid        not null references responder (id),
    position      integer     not null,
    district      varchar(20) not null,
    primary key (responder_id, position)
);
create index responder_district_district on responder_district (district);

-- The first language is the one a page falls back to when the responder does not speak the child's.
create table responder_language (
    responder_id  uuid       not null references responder (id),
    position      integer    not null,
    language      varchar(2) not null,
    primary key (responder_id, position)
);

-- Tried in this order by notification-service.
create table responder_contact (
    responder_id  uuid         not null references responder (id),
    position      integer      not null,
    channel       varchar(20)  not null,
    address       varchar(500) not null,
    primary key (responder_id, position)
);

-- On-call time: a responder is on shift at t when starts_at <= t < ends_at.
create table shift (
    id            uuid primary key,
    responder_id  uuid        not null references responder (id),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    constraint shift_ends_after_start check (ends_at > starts_at)
);
create index shift_responder on shift (responder_id);
create index shift_window on shift (starts_at, ends_at);

-- Incidents as dispatch knows them: classification only, never the child's personal data.
create table incident (
    id              uuid primary key,
    category        varchar(40) not null,
    severity        varchar(2)  not null,
    district        varchar(20) not null,
    child_language  varchar(2)  not null,
    received_at     timestamptz not null,
    status          varchar(20) not null
);

-- Who was asked to respond to which incident, why, and how far the page and the acknowledgement got.
create table assignment (
    id               uuid primary key,
    incident_id      uuid         not null references incident (id),
    responder_id     uuid         not null references responder (id),
    role             varchar(30)  not null,
    status           varchar(20)  not null,
    reason           varchar(300) not null,
    assigned_at      timestamptz  not null,
    acknowledged_at  timestamptz,
    page_id          uuid,
    page_status      varchar(20),
    page_status_at   timestamptz
);
create index assignment_incident on assignment (incident_id);
-- The load balance counts open assignments per responder.
create index assignment_open on assignment (responder_id) where status = 'ASSIGNED';
