-- Board sessions opened through OIDC (production sign-in): the bearer reporting sends to dispatch is the OIDC
-- session's access token, which quarkus-oidc keeps and refreshes, so such a row seals none.
alter table board_session alter column sealed_token drop not null;
alter table board_session add column oidc boolean not null default false;
