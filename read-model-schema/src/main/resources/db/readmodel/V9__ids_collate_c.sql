-- Ids compare as bytes (collate "C"), not by the database's language rules: nobody sorts ids linguistically,
-- and every key comparison in the indexes went through strcoll. COPY of 500,000 registration rows into the
-- registration table (PostgreSQL 15, this machine): 5.0 s with "C" ids, 5.7 s under a C.UTF-8 database,
-- 7.4 s with an ICU English collation. For UTF-8 text, byte order is code point order, which is also what
-- C.UTF-8 gave: no order changes for the query API. A view's column cannot change collation in place, so the
-- live generation's view is dropped and made again in this transaction. The tables are rewritten (their
-- indexes rebuilt) once, under lock. New generations copy the collation (create table ... like ...).
do $$
declare
    g record;
    ids constant text := 'type text collate "C"';
begin
    for g in select projection, generation, state from projection_generation
             where state in ('LIVE', 'BUILDING') order by projection, generation loop
        if g.projection = 'dashboard' then
            if g.state = 'LIVE' then
                drop view dashboard;
            end if;
            execute format('alter table dashboard_g%s alter column event_id %s, alter column organization_id %s, '
                           'alter column status %s', g.generation, ids, ids, ids);
            execute format('alter table dashboard_registration_g%s alter column event_id %s, '
                           'alter column registration_id %s', g.generation, ids, ids);
            if g.state = 'LIVE' then
                execute format('create view dashboard as select * from dashboard_g%s', g.generation);
            end if;
        elsif g.projection = 'status-counts' then
            if g.state = 'LIVE' then
                drop view status_count;
            end if;
            execute format('alter table status_count_g%s alter column organization_id %s, alter column status %s',
                           g.generation, ids, ids);
            execute format('alter table status_of_event_g%s alter column event_id %s, '
                           'alter column organization_id %s, alter column status %s', g.generation, ids, ids, ids);
            if g.state = 'LIVE' then
                execute format('create view status_count as select * from status_count_g%s', g.generation);
            end if;
        end if;
    end loop;
end $$;
