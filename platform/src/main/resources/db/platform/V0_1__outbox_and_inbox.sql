-- Shared by every service (shipped in zhedel-platform, versions below the services' own V1..).

-- Transactional outbox: written in the same transaction as the state change it announces,
-- relayed to Kafka right after commit and by a periodic safety poll.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid         not null unique,
    ce_type       varchar(100) not null,
    topic         varchar(100) not null,
    record_key    varchar(100) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;

-- Inbox: ids of the events this service has applied, written in the same transaction as their effects.
create table processed_event (
    event_id      varchar(100) primary key,
    ce_type       varchar(100) not null,
    processed_at  timestamptz  not null
);
