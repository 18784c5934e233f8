-- Who took each step of an assignment (null actor: the team rules, a timer or a page report). comment holds the
-- coordinator's own words for a manual assignment: free text, sealed like notes, never put into an event.
create table assignment_step (
    id             bigint generated always as identity primary key,
    assignment_id  uuid        not null references assignment (id),
    incident_id    uuid        not null,
    step           varchar(20) not null,
    actor_subject  varchar(200),
    actor_role     varchar(20),
    at             timestamptz not null,
    comment        text
);
create index assignment_step_incident on assignment_step (incident_id, at, id);

-- The coordinator's notes on an incident: free text that may name a child, so sealed (AES-GCM) at rest.
create table incident_note (
    id             uuid primary key,
    incident_id    uuid         not null references incident (id),
    author_subject varchar(200) not null,
    author_role    varchar(20)  not null,
    at             timestamptz  not null,
    text           text         not null
);
create index incident_note_incident on incident_note (incident_id, at, id);

-- A cancelled incident (false report, duplicate...): the reason, the coordinator's comment (sealed) and who.
alter table incident add column cancel_reason varchar(20);
alter table incident add column cancel_comment text;
alter table incident add column cancelled_at timestamptz;
alter table incident add column cancelled_by varchar(200);
create index incident_open on incident (severity, received_at, id) where status not in ('RESOLVED', 'CANCELLED');

-- A deactivated responder is never chosen again until re-activated.
alter table responder add column active boolean not null default true;
alter table responder add column deactivated_reason varchar(300);

-- A rotation ended puts nobody on call from then on.
alter table rotation add column ends_at timestamptz;
