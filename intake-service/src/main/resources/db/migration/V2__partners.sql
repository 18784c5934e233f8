-- The partner registry. API keys are kept only as SHA-256 hashes of high-entropy random keys; the key itself is
-- shown once, when it is issued.
create table partner (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    kind        varchar(30)  not null,
    created_at  timestamptz  not null
);

create table partner_key (
    id          uuid         primary key,
    partner_id  varchar(64)  not null references partner (id),
    key_hash    varchar(64)  not null unique,
    key_prefix  varchar(12)  not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index partner_key_partner on partner_key (partner_id);
