-- When the duty coordinator cancelled the incident (a false or duplicate report); the reason stays in dispatch.
alter table incident_fact add column cancelled_at timestamptz;
