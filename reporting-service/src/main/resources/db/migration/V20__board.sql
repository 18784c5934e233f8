-- Issue 10: the ops board. What it shows beyond incident_fact, fed by the same events (ids, roles and times
-- only: no child data, no free text).

-- Each assignment of an incident as the board shows it: its role and how far it got. Times merge with least(), so
-- the three topics may arrive in any order; ended_at: handed on, declined, cancelled, resolved or escalated away.
create table board_assignment (
    assignment_id    uuid primary key,
    incident_id      uuid not null,
    role             varchar(24),
    responder_id     uuid,
    assigned_at      timestamptz,
    ack_deadline     timestamptz,
    paged_at         timestamptz,
    acknowledged_at  timestamptz,
    on_scene_at      timestamptz,
    ended_at         timestamptz
);
create index board_assignment_incident on board_assignment (incident_id);

-- Roles dispatch found nobody for (IncidentUnassigned), until someone of the role is assigned.
create table board_waiting_role (
    incident_id  uuid not null,
    role         varchar(24) not null,
    since        timestamptz not null,
    primary key (incident_id, role)
);

-- Sign-in: the ids (jti) of redeemed one-time links, so that a link opens the board once.
create table board_login (
    jti          varchar(100) primary key,
    subject      varchar(200) not null,
    redeemed_at  timestamptz not null
);

-- Board sessions. The cookie holds a random secret; the row is found by a hash of it, and the bearer token reporting
-- calls dispatch with is sealed under a key derived from it, so the table alone cannot act as anyone.
create table board_session (
    id_hash       varchar(64) primary key,
    subject       varchar(200) not null,
    role          varchar(24) not null,
    csrf_token    varchar(64) not null,
    sealed_token  text not null,
    expires_at    timestamptz not null
);
create index board_session_expiry on board_session (expires_at);
