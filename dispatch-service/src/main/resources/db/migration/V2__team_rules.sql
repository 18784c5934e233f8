-- The team rules: which roles a (category, severity) calls out, which of them must acknowledge, and how long an
-- acknowledgement may take per severity. Each replacement is a new version; incidents keep the version they were
-- dispatched under, so a version is never changed or deleted. The table is kept whole as JSON: it is read and
-- replaced whole, never queried by parts.
create table team_rules (
    version     integer primary key,
    body        text        not null,
    created_at  timestamptz not null
);

-- Version 1, the default. At every call-out a psychologist assists the child; abuse and domestic violence at P1
-- also bring the juvenile inspector, and the prosecutor is informed (paged, no acknowledgement required).
insert into team_rules (version, body, created_at) values (1, '{
  "ackDeadlineSeconds": {"P1": 300, "P2": 900, "P3": 3600, "P4": 14400},
  "rules": [
    {"category": "PHYSICAL_ABUSE", "severity": "P1", "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true},
      {"role": "JUVENILE_INSPECTOR", "mustAcknowledge": true},
      {"role": "PROSECUTOR", "mustAcknowledge": false}]},
    {"category": "SEXUAL_ABUSE", "severity": "P1", "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true},
      {"role": "JUVENILE_INSPECTOR", "mustAcknowledge": true},
      {"role": "PROSECUTOR", "mustAcknowledge": false}]},
    {"category": "DOMESTIC_VIOLENCE_WITNESSED", "severity": "P1", "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true},
      {"role": "JUVENILE_INSPECTOR", "mustAcknowledge": true},
      {"role": "PROSECUTOR", "mustAcknowledge": false}]},
    {"category": "SELF_HARM", "severity": "P1", "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true}]},
    {"category": "SUICIDAL_IDEATION", "severity": "P1", "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true}]},
    {"category": "BULLYING", "severity": "P3", "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true}]},
    {"category": null, "severity": null, "roles": [
      {"role": "PSYCHOLOGIST", "mustAcknowledge": true}]}
  ]
}', now());

alter table incident add column rule_version integer references team_rules (version);
