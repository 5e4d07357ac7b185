-- The projector's word on how far behind it is, renewed every few seconds (eventfold.projection.health.heartbeat).
-- query-api cannot see the topic: it tells a stale read model from a quiet one by lag_ms plus the row's age
-- (a projector that stopped stops renewing it). Readable by query-api's role (ReaderGrants).
create table projector_heartbeat (
    consumer   text primary key,
    checked_at timestamptz not null,
    lag_ms     bigint not null
);
