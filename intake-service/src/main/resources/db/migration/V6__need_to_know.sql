-- Who may read an incident's personal data besides its partner and the coordinator: the responders dispatch
-- assigned to it (a projection of kz.zhedel.incident.dispatched.v1).
create table incident_responder (
    incident_id   uuid        not null references incident (id),
    responder_id  uuid        not null,
    assigned_at   timestamptz not null,
    primary key (incident_id, responder_id)
);

-- Every read of personal data: who, in which role, when, which incident, and why.
create table access_audit (
    id           bigserial    primary key,
    incident_id  uuid         not null,
    principal    varchar(100) not null,
    role         varchar(20)  not null,
    purpose      varchar(100) not null,
    at           timestamptz  not null
);
create index access_audit_incident on access_audit (incident_id, at);
create index access_audit_at on access_audit (at);

-- Retention: personal data of incidents closed longer than zhedel.retention.personal-data ago is erased.
alter table incident add column closed_at timestamptz;
alter table incident add column personal_data_erased_at timestamptz;
create index incident_closed on incident (closed_at) where personal_data_erased_at is null;
