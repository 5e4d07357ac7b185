-- Where the operator's migration of version 1 personal events (docs/privacy-migration.md) has got to: one row per
-- migration, locked by each page's transaction, so a killed service resumes after the last committed page and two
-- instances never seal the same page.
create table privacy_migration (
    name              text primary key,
    last_global_index bigint not null default 0,
    sealed            bigint not null default 0,
    forgotten         bigint not null default 0,
    error             text,
    started_at        timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz
);
insert into privacy_migration (name) values ('seal-v1');
