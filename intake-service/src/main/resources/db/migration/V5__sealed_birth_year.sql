-- The birth year is personal data too: sealed like the names from now on. Rows written before hold the plain year
-- until the key rotation (POST /api/v1/crypto/rotation) re-seals them.
alter table incident alter column child_birth_year type text using child_birth_year::text;
-- Retention erases personal data and keeps the classification: the sealed columns may become null.
alter table incident alter column child_birth_year drop not null;
alter table incident alter column child_first_name drop not null;
