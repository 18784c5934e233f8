-- Recurring on-call duty: participants take turns, handing off at a local time (Asia/Almaty) daily or weekly.
create table rotation (
    id            uuid primary key,
    name          varchar(200) not null,
    role          varchar(30)  not null,
    handoff       varchar(10)  not null,
    handoff_time  time         not null,
    handoff_day   varchar(10),
    starts_at     timestamptz  not null,
    created_at    timestamptz  not null,
    constraint rotation_weekly_has_day check (handoff <> 'WEEKLY' or handoff_day is not null)
);
create index rotation_role on rotation (role);

create table rotation_district (
    rotation_id  uuid        not null references rotation (id),
    position     integer     not null,
    district     varchar(20) not null,
    primary key (rotation_id, position)
);

-- The order of turns: position 0 starts.
create table rotation_participant (
    rotation_id   uuid    not null references rotation (id),
    position      integer not null,
    responder_id  uuid    not null references responder (id),
    primary key (rotation_id, position)
);
