-- Incidents as partners reported them. Personal data columns hold AES-GCM ciphertext ("keyId:base64"), never plaintext.
create table incident (
    id                 uuid primary key,
    partner_id         varchar(64)  not null,
    external_ref       varchar(100) not null,
    category           varchar(40)  not null,
    severity           varchar(2)   not null,
    district           varchar(20)  not null,
    school_id          varchar(64),
    occurred_at        timestamptz  not null,
    received_at        timestamptz  not null,
    status             varchar(20)  not null,
    child_birth_year   integer      not null,
    child_gender       varchar(20),
    child_language     varchar(2)   not null,
    child_first_name   text         not null,
    child_last_name    text,
    reporter_role      varchar(40),
    reporter_name      text,
    reporter_phone     text,
    summary            text,
    constraint incident_partner_ref unique (partner_id, external_ref)
);

-- What happened to the incident since intake, as the other services report it.
create table timeline_entry (
    id           bigserial primary key,
    incident_id  uuid        not null references incident (id),
    status       varchar(20) not null,
    at           timestamptz not null,
    detail       varchar(200)
);
create index timeline_entry_incident on timeline_entry (incident_id, at);
