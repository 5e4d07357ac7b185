-- A dashboard row is rewritten with every batch that touches its conference (55,000 times for 1,000 rows in a
-- million-event replay), so its write cost is what counts, not its size:
-- * fillfactor 50 leaves room on each page for the new version of a row, so an update that changes no
--   indexed column stays on its page (HOT) instead of adding an entry to each of the four indexes;
-- * the document text is stored out of line uncompressed (external): compressing up to 80 KB with pglz on
--   every write cost more than the rest of the row, and clients that want it small read document_gzip,
--   which is compressed already, so PostgreSQL need not try again.
-- psql, 1,000 rows of 69 KB documents upserted 5 times: 5.8 s as before, 4.7 s with fillfactor 50 (60% of
-- the updates HOT), 2.6 s with both. Both settings apply to rows written from now on; nothing is rewritten.
-- New generations take the live one's storage (create table ... like ... including all) and its fillfactor
-- (copied by the projection-service when it creates them).
do $$
declare
    g record;
begin
    for g in select generation from projection_generation
             where projection = 'dashboard' and state in ('LIVE', 'BUILDING') loop
        execute format('alter table dashboard_g%s set (fillfactor = 50), '
                       'alter column document set storage external, '
                       'alter column document_gzip set storage external', g.generation);
    end loop;
end $$;
