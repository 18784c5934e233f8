-- The first answer to each Idempotency-Key a partner sent, replayed for repeats of the same request. Holds ids and
-- statuses only, no personal data; purged after zhedel.intake.idempotency.retention (at least 24 h).
create table idempotent_request (
    partner_id       varchar(64)  not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    status           integer      not null,
    location         varchar(200),
    body             text,
    created_at       timestamptz  not null,
    primary key (partner_id, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
