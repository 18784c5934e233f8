-- Who changed the roster, when, and what it looked like before and after: ops accountability for who gets paged.
create table ops_audit (
    id           bigint generated always as identity primary key,
    at           timestamptz  not null,
    actor        varchar(200) not null,
    action       varchar(60)  not null,
    entity       varchar(40)  not null,
    entity_id    varchar(100) not null,
    before_json  text,
    after_json   text
);
create index ops_audit_at on ops_audit (at desc, id desc);
create index ops_audit_entity on ops_audit (entity, at desc, id desc);
