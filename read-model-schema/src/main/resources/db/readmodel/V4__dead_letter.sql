-- Events a projection could not read or apply, and the later events of the same conference that must wait
-- behind them (a conference never applies events out of order). Other conferences keep flowing.
create table dead_letter (
    id                bigserial primary key,
    projection        text not null,
    conference_id     text not null,
    aggregate_version bigint,
    event_type        text,
    topic             text not null,
    partition_no      integer not null,
    record_offset     bigint not null,
    reason            text not null,
    payload           bytea,
    state             text not null default 'PARKED',
    created_at        timestamptz not null default now(),
    unique (projection, topic, partition_no, record_offset)
);
create index dead_letter_parked_idx on dead_letter (projection, conference_id) where state = 'PARKED';
