-- Migrations are append-only from here on: never edit a released one, add V<next> instead.

-- Ids compare as bytes (collate "C"): nobody sorts them linguistically, and it spares every index comparison
-- the language rules. Tables carry their generation (_g1); later generations are created like the live one.

-- Which generation of each projection is live or being built, and with which fold version; at most one of each
-- per projection. A switch replaces the views over the tables in the same transaction as these rows.
create table projection_generation (
    projection  text not null,
    generation  integer not null,
    version     integer not null,
    state       text not null,
    created_at  timestamptz not null default now(),
    switched_at timestamptz,
    error       text,
    records     bigint,
    primary key (projection, generation)
);
create unique index projection_generation_live on projection_generation (projection) where state = 'LIVE';
create unique index projection_generation_building on projection_generation (projection) where state = 'BUILDING';

-- The next Kafka offset to read per partition and the relay watermark reached, committed in the same
-- transaction as the rows they produced; the least watermark is the position the read model is complete to.
create table projection_offset (
    projection      text not null,
    topic           text not null,
    partition_no    integer not null,
    next_offset     bigint not null,
    global_position bigint not null,
    watermark       bigint not null default 0,
    primary key (projection, topic, partition_no)
);

-- Tells query-api's read-your-writes waits that the read model moved on, once per committed transaction
-- (every batch writes offsets, every switch writes generations).
create function notify_read_model_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('read_model_changed', '');
    return null;
end $$;
create trigger projection_offset_changed after insert or update on projection_offset
    for each statement execute function notify_read_model_changed();
create trigger projection_generation_changed after insert or update on projection_generation
    for each statement execute function notify_read_model_changed();

-- Events a projection could not read or apply, and the later events of their conference waiting behind them,
-- with what a retry needs to decode them again. A letter belongs to the generation that parked it.
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
    message_id        text,
    global_position   bigint,
    event_time        timestamptz,
    generation        integer not null default 1,
    unique (projection, generation, topic, partition_no, record_offset)
);
create index dead_letter_parked_idx on dead_letter (projection, conference_id) where state = 'PARKED';

-- One row per conference: its dashboard document, gzip-compressed once by the writer and sent as stored, plus
-- the columns search filters and sorts on. Rewritten with every batch that touches the conference, so each page
-- keeps room for a row's next version (fillfactor 50, HOT updates) and the document is stored out of line
-- without PostgreSQL compressing it again (storage external).
create table dashboard_g1 (
    conference_id   text collate "C" primary key,
    organization_id text collate "C" not null,
    name            text not null,
    status          text collate "C" not null,
    start_date      date not null,
    end_date        date not null,
    capacity        integer not null,
    attendee_count  integer not null,
    session_count   integer not null,
    speaker_count   integer not null,
    version         bigint not null,
    etag            text not null default '',
    document_gzip   bytea not null
) with (fillfactor = 50);
alter table dashboard_g1 alter column document_gzip set storage external;
create index dashboard_search_idx on dashboard_g1 (start_date, conference_id);
create index dashboard_org_idx on dashboard_g1 (organization_id, start_date, conference_id);
create index dashboard_status_idx on dashboard_g1 (status, start_date, conference_id);

-- Internal to the dashboard: every registration, appended only, to refill a dashboard's five newest when one
-- of them is cancelled. Only the conference is indexed: a key would cost every insert and catch nothing.
create table dashboard_registration_g1 (
    conference_id   text collate "C" not null,
    registration_id text collate "C" not null,
    user_id         text not null,
    name            text not null,
    email           text not null,
    role            text not null,
    registered_at   timestamptz not null,
    version         bigint not null
);
create index dashboard_registration_g1_conference_idx on dashboard_registration_g1 (conference_id);

-- Internal to the dashboard: the cancelled registrations, a row each, so that registrations stay append-only.
create table dashboard_cancellation_g1 (
    conference_id   text collate "C" not null,
    registration_id text collate "C" not null,
    primary key (conference_id, registration_id)
);

-- Conferences per organization and status. A status change moves one count; nothing counts rows.
create table status_count_g1 (
    organization_id  text collate "C" not null,
    status           text collate "C" not null,
    conference_count bigint not null,
    primary key (organization_id, status)
);

-- Internal to the status counts: each conference's organization, status and the version of its last status
-- event, so that a redelivered status change is recognised and ignored.
create table conference_status_g1 (
    conference_id   text collate "C" primary key,
    organization_id text collate "C" not null,
    status          text collate "C" not null,
    version         bigint not null
);

-- The query API reads these views; a switch to a new generation replaces them.
create view dashboard as select * from dashboard_g1;
create view status_count as select * from status_count_g1;

insert into projection_generation (projection, generation, version, state, switched_at)
values ('dashboard', 1, 1, 'LIVE', now()), ('status-counts', 1, 1, 'LIVE', now());
