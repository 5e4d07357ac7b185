-- Generations: each projection's tables carry a generation suffix (dashboard_g1), so that a rebuild can fill
-- a new generation beside the live one. The query API reads views named like the tables; the switch to a
-- new generation replaces the views in one transaction.
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
-- At most one live and one building generation per projection.
create unique index projection_generation_live on projection_generation (projection) where state = 'LIVE';
create unique index projection_generation_building on projection_generation (projection) where state = 'BUILDING';

alter table dashboard rename to dashboard_g1;
alter table dashboard_registration rename to dashboard_registration_g1;
alter table status_count rename to status_count_g1;
alter table status_of_event rename to status_of_event_g1;
create view dashboard as select * from dashboard_g1;
create view status_count as select * from status_count_g1;
insert into projection_generation (projection, generation, version, state, switched_at)
values ('dashboard', 1, 1, 'LIVE', now()), ('status-counts', 1, 1, 'LIVE', now());

-- A dead letter belongs to the generation that parked it; a rebuild meets the same events afresh.
alter table dead_letter add column generation integer not null default 1;
alter table dead_letter drop constraint dead_letter_projection_topic_partition_no_record_offset_key;
alter table dead_letter add unique (projection, generation, topic, partition_no, record_offset);
