-- The event's global index comes from the sequence inside its INSERT (Hibernate: IDENTITY, "insert … returning"),
-- instead of a "select nextval" round trip before it. Still one value per event, drawn before commit.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
