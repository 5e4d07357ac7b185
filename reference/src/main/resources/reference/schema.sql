-- Normalized tables as an ORM application would have them (see shared/seed): rows updated in place.
create schema if not exists reference;
create table if not exists reference.event (
    id text primary key, organization_id text not null, name text not null, status text not null,
    start_date date not null, end_date date not null, capacity integer not null);
create table if not exists reference.session (
    id text not null, event_id text not null references reference.event (id), title text not null,
    room text not null, starts_at timestamptz not null, ends_at timestamptz not null,
    cancelled boolean not null default false, primary key (event_id, id));
create table if not exists reference.session_speaker (
    seq bigserial primary key, event_id text not null, session_id text not null, user_id text not null,
    name text not null, bio text, company text);
create table if not exists reference.registration (
    seq bigserial primary key, id text not null, event_id text not null references reference.event (id),
    user_id text not null, name text not null, email text not null, role text not null,
    cancelled boolean not null default false, unique (event_id, id));
create index if not exists registration_event_idx on reference.registration (event_id);
create index if not exists session_speaker_idx on reference.session_speaker (event_id, session_id);
