-- Contact rules: a contact with a delay is a timed step, paged that long after the page was requested even when an
-- earlier contact reached the responder (until the assignment is acknowledged or declined). Null: the first contact
-- at once, a later one as the backup of the one before it.
alter table responder_contact add column delay_seconds integer check (delay_seconds >= 0);
