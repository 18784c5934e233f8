-- A page asks one responder to take an incident; it holds ids and classifications only, never a child's data.
create table page (
    id               uuid primary key,
    incident_id      uuid         not null,
    assignment_id    uuid         not null,
    responder_id     uuid         not null,
    category         varchar(40)  not null,
    severity         varchar(2)   not null,
    district         varchar(20)  not null,
    language         varchar(2),
    status           varchar(20)  not null,
    requested_at     timestamptz  not null,
    ack_expires_at   timestamptz  not null,
    delivered_at     timestamptz,
    acknowledged_at  timestamptz,
    failed_at        timestamptz,
    failure_reason   varchar(500)
);
create index page_incident on page (incident_id, requested_at);

-- One try-in-order per contact method of the responder (staff contacts). The worker's timers live here:
-- next_attempt_at says when a delivery is due, leased_until which instance is sending it right now.
create table delivery (
    id               bigserial primary key,
    page_id          uuid         not null references page (id),
    position         integer      not null,
    channel          varchar(20)  not null,
    address          varchar(500) not null,
    status           varchar(20)  not null,
    attempts         integer      not null,
    next_attempt_at  timestamptz,
    leased_until     timestamptz,
    last_attempt_at  timestamptz,
    last_error       varchar(200),
    provider_status  varchar(100),
    delivered_at     timestamptz,
    constraint delivery_page_position unique (page_id, position)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
