-- Registrations are only ever appended. A cancellation is a row of its own (dashboard_cancellation) instead of
-- an update that had to find the registration by the primary key (event_id, registration_id), and that key,
-- with every registration inserted at a random leaf of a large index, was most of what COPY into this table
-- cost: 500,000 registrations in batches of 5,000 took 2.5-2.9 s with it, 1.3 s with a B-tree on the conference
-- alone and 0.75 s with no index (PostgreSQL 15, this machine); that COPY was 81% of PostgreSQL's statement
-- time in a million-event replay. The B-tree on the conference (equal keys are stored once, with a list of rows)
-- serves the refill of a dashboard's five newest, which reads a conference's rows as it read the key's prefix
-- and now leaves out the cancelled ones. The key never caught anything: a registration event is applied once
-- per generation, under the lock of its dashboard row, with the offsets in the same transaction. Rows cancelled
-- before keep active = false. New generations copy the live one's tables (create table ... like ...).
do $$
declare
    g record;
    pk record;
begin
    for g in select generation from projection_generation
             where projection = 'dashboard' and state in ('LIVE', 'BUILDING') loop
        for pk in select conname from pg_constraint
                  where conrelid = format('dashboard_registration_g%s', g.generation)::regclass
                    and contype = 'p' loop
            execute format('alter table dashboard_registration_g%s drop constraint %I', g.generation, pk.conname);
        end loop;
        execute format('create index dashboard_registration_g%s_event_idx on dashboard_registration_g%s '
                       '(event_id)', g.generation, g.generation);
        execute format('create table dashboard_cancellation_g%s ('
                       'event_id text collate "C" not null, registration_id text collate "C" not null, '
                       'primary key (event_id, registration_id))', g.generation);
    end loop;
end $$;
