-- One row per conference event: the dashboard document exactly as the query API returns it (text, so a
-- read streams it out without re-encoding; see shared/notes/measurements.md), plus the columns that
-- search filters and sorts on.
create table dashboard (
    event_id        text primary key,
    organization_id text not null,
    name            text not null,
    status          text not null,
    start_date      date not null,
    end_date        date not null,
    capacity        integer not null,
    attendee_count  integer not null,
    session_count   integer not null,
    speaker_count   integer not null,
    version         bigint not null,
    document        text not null
);
create index dashboard_search_idx on dashboard (start_date, event_id);
create index dashboard_org_idx on dashboard (organization_id, start_date, event_id);
create index dashboard_status_idx on dashboard (status, start_date, event_id);

-- Internal to the dashboard projection (never read by the query API): every registration, so that the
-- five most recent can be refilled when one of them is cancelled.
create table dashboard_registration (
    event_id        text not null,
    registration_id text not null,
    user_id         text not null,
    name            text not null,
    email           text not null,
    role            text not null,
    registered_at   timestamptz not null,
    version         bigint not null,
    active          boolean not null,
    primary key (event_id, registration_id)
);
create index dashboard_registration_recent_idx
    on dashboard_registration (event_id, registered_at desc, version desc) where active;

-- Conference events per organization and status. A status change moves one count; nothing counts rows.
create table status_count (
    organization_id text not null,
    status          text not null,
    event_count     bigint not null,
    primary key (organization_id, status)
);

-- The next Kafka offset to read per partition, committed in the same transaction as the rows it produced.
create table projection_offset (
    projection     text not null,
    topic          text not null,
    partition_no   integer not null,
    next_offset    bigint not null,
    global_position bigint not null,
    primary key (projection, topic, partition_no)
);

-- Internal to the status-count projection: each conference's organization and current status, and the
-- version of its last status event, so that a redelivered status change is recognised and ignored.
create table status_of_event (
    event_id        text primary key,
    organization_id text not null,
    status          text not null,
    version         bigint not null
);
