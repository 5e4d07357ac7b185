-- The registration table keeps only its primary key. Its second index, (event_id, registered_at desc,
-- version desc) where active, was there for refilling a dashboard's five newest registrations, which happens
-- only when one of those five is cancelled, yet every registration paid for it: COPY of 500,000 registration
-- rows took 4.8-5.3 s with it and 2.8 s without (PostgreSQL 15, this machine), and COPY into this table was
-- 58% of PostgreSQL's time in a million-event replay. The refill reads the conference's rows by the primary
-- key's prefix and keeps the newest five (top-N sort): 47 ms in psql for two conferences of 100,000 and 1,700
-- registrations together. Cancellations no longer change an indexed column, so they can be HOT updates. New
-- generations copy the indexes of the live one (create table ... like ... including all), so dropping it here
-- is enough.
do $$
declare
    g record;
    idx record;
begin
    for g in select generation from projection_generation
             where projection = 'dashboard' and state in ('LIVE', 'BUILDING') loop
        for idx in select i.indexrelid::regclass as name from pg_index i
                   where i.indrelid = format('dashboard_registration_g%s', g.generation)::regclass
                     and not i.indisprimary loop
            execute format('drop index %s', idx.name);
        end loop;
    end loop;
end $$;
