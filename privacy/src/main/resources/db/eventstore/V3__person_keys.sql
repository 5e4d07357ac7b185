-- Person keys (crypto-shredding, docs/privacy.md): one per person, deleted when they are forgotten. Part of
-- command-service's event store migrations (Flyway finds it on the classpath beside db/eventstore's V1 and V2).
-- Schema privacy comes from infra's eventfold-roles.sql, owned by command-service, which seals; projection-service
-- may read keys to open what it folds, and nothing else.
create table if not exists privacy.person_key (
    user_id    text primary key,
    key_id     uuid not null unique,
    key_bytes  bytea not null,
    wrapped    boolean not null,
    created_at timestamptz not null default now()
);
create table if not exists privacy.person_conference (
    user_id       text not null,
    conference_id text not null,
    primary key (user_id, conference_id)
);
grant usage on schema privacy to eventfold_projection;
grant select on privacy.person_key to eventfold_projection;
