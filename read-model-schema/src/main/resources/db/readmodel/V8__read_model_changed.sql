-- Tells listeners (query-api's read-your-writes waits) that the read model moved on, when the transaction
-- that moved it commits: every projector batch writes its offsets, and a switch writes its generations.
-- PostgreSQL sends one notification per channel and transaction, however many statements fired it.
create function notify_read_model_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('read_model_changed', '');
    return null;
end $$;

create trigger projection_offset_changed after insert or update on projection_offset
    for each statement execute function notify_read_model_changed();
create trigger projection_generation_changed after insert or update on projection_generation
    for each statement execute function notify_read_model_changed();
