-- EventFold's database roles: each service connects as its own, which owns only its own schema (docs/security.md).
-- Run once per database by a superuser; running it again changes nothing. Passwords are set apart (compose).
--   eventfold_command     owns event_store (the event store, the relay's token) and privacy (person keys)
--   eventfold_projection  owns read_model (tables, views, offsets, dead letters, audit)
--   eventfold_query       logs in as a member of eventfold_reader, which projection-service lets read only the
--                         published views and the offsets (not registrations, dead letters or the audit)
do $$
declare
    wanted record;
begin
    for wanted in select * from (values ('eventfold_command', true), ('eventfold_projection', true),
            ('eventfold_query', true), ('eventfold_reader', false)) as r(name, login)
            where not exists (select from pg_roles where rolname = r.name) loop
        execute format('create role %I %s', wanted.name, case when wanted.login then 'login' else 'nologin' end);
    end loop;
end $$;
grant eventfold_reader to eventfold_query;

-- Up to PostgreSQL 14 every role may create tables in public; no service needs to.
revoke create on schema public from public;
create schema if not exists event_store authorization eventfold_command;
create schema if not exists read_model authorization eventfold_projection;
create schema if not exists privacy authorization eventfold_command;
alter schema event_store owner to eventfold_command;
alter schema privacy owner to eventfold_command;
alter schema read_model owner to eventfold_projection;

-- A database from before these roles: what is in each schema goes to its service (a table takes its indexes,
-- triggers and serial sequences along).
do $$
declare
    owned record;
begin
    for owned in
        with owners(schema_name, owner_name) as (
            values ('event_store', 'eventfold_command'), ('read_model', 'eventfold_projection'))
        select format('alter %s %s owner to %I', case c.relkind when 'v' then 'view' when 'S' then 'sequence'
                   else 'table' end, c.oid::regclass, o.owner_name) as statement
        from pg_class c join pg_namespace n on n.oid = c.relnamespace join owners o on o.schema_name = n.nspname
        where c.relkind in ('r', 'p', 'v', 'S') and pg_get_userbyid(c.relowner) <> o.owner_name
          and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                          and d.deptype in ('a', 'i'))
        union all
        select format('alter function %s owner to %I', p.oid::regprocedure, o.owner_name)
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace join owners o on o.schema_name = n.nspname
        where pg_get_userbyid(p.proowner) <> o.owner_name
    loop
        execute owned.statement;
    end loop;
end $$;
