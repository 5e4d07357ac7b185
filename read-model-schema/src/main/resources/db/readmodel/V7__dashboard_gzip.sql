-- The document gzip-compressed once by the writer, so that a reader that accepts gzip (every browser) gets
-- an eighth of the bytes without anyone compressing per request. Null until the row is next written.
-- Both stored out of line without PostgreSQL's own compression: the gzip form is compressed already, and
-- compressing the text again on every write cost the database more than the space it saved.
-- New generations copy these settings (create table ... like ... including all).
do $$
declare
    g record;
begin
    for g in select generation, state from projection_generation
             where projection = 'dashboard' and state in ('LIVE', 'BUILDING') loop
        execute format('alter table dashboard_g%s add column document_gzip bytea', g.generation);
        execute format('alter table dashboard_g%s alter column document_gzip set storage external, '
                       'alter column document set storage external', g.generation);
        if g.state = 'LIVE' then
            execute format('create or replace view dashboard as select * from dashboard_g%s', g.generation);
        end if;
    end loop;
end $$;
