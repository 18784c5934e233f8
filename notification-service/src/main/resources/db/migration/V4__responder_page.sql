-- The responder's page: the role asked and how many earlier incidents are linked to the same child (a count),
-- the responder's steps after the acknowledgement, and when dispatch ended the assignment (the link stops).
alter table page add column role varchar(30);
alter table page add column linked_incidents integer;
alter table page add column on_scene_at timestamptz;
alter table page add column resolved_at timestamptz;
alter table page add column ended_at timestamptz;

-- What the team of an incident looks like, from dispatch's events: one row per role, its latest state. Roles and
-- states only, never who.
create table team_role (
    incident_id   uuid        not null,
    role          varchar(30) not null,
    assignment_id uuid,
    state         varchar(20) not null,
    changed_at    timestamptz not null,
    primary key (incident_id, role)
);
create index team_role_assignment on team_role (assignment_id);
