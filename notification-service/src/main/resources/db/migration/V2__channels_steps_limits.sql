-- Texts are written in the responder's language; a page can also be declined; SMS replies name a page by its code.
alter table page add column responder_language varchar(2);
alter table page add column ack_deadline timestamptz;
alter table page add column declined_at timestamptz;
alter table page add column reply_code varchar(4);
create index page_reply_code on page (reply_code) where status in ('REQUESTED', 'DELIVERED', 'FAILED');

-- Contact rules: a delay makes a delivery a timed step (due that long after the request); null makes it a backup of
-- the delivery before it. SENT: the provider took it and its delivery receipt is awaited (by provider_message_id).
alter table delivery add column delay_seconds integer;
alter table delivery add column responder_id uuid;
alter table delivery add column provider varchar(40);
alter table delivery add column provider_message_id varchar(100);
alter table delivery add column sent_at timestamptz;
alter table delivery add column failed_at timestamptz;
create index delivery_provider_message on delivery (provider, provider_message_id);
create index delivery_bundle on delivery (responder_id, channel, address) where status = 'PENDING';

-- Every message that left, for the rate limits: per responder and channel, and per provider.
create table sent_message (
    id            bigserial primary key,
    responder_id  uuid        not null,
    channel       varchar(20) not null,
    provider      varchar(40) not null,
    pages         integer     not null,
    sent_at       timestamptz not null
);
create index sent_message_responder on sent_message (responder_id, channel, sent_at);
create index sent_message_provider on sent_message (provider, sent_at);

-- Held back by the per-responder limit: when the window frees up, all held deliveries of the same contact leave
-- together as one bundled message.
alter table delivery add column held boolean not null default false;
