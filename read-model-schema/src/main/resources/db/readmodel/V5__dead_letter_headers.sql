-- Everything needed to rebuild a parked record's headers, so that a retry can decode and apply it.
alter table dead_letter add column message_id text;
alter table dead_letter add column global_position bigint;
alter table dead_letter add column event_time timestamptz;
