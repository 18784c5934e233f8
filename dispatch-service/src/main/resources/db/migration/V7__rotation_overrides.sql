-- Someone covers a rotation for a while (sick leave, swap); the latest override wins where they overlap.
create table rotation_override (
    id                     uuid primary key,
    rotation_id            uuid        not null references rotation (id),
    responder_id           uuid        not null references responder (id),
    starts_at              timestamptz not null,
    ends_at                timestamptz not null,
    replaces_responder_id  uuid references responder (id),
    created_at             timestamptz not null,
    constraint rotation_override_ends_after_start check (ends_at > starts_at)
);
create index rotation_override_window on rotation_override (rotation_id, starts_at, ends_at);
