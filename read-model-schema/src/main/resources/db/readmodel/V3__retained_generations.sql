-- A switch keeps the generation it retires for a while (eventfold.projection.rebuild.retired-retention), written
-- by the live stream like a building one, so that a rollback can switch back to it; dropped_at: its tables are gone.
-- mismatch: why a rebuild was not switched in by itself (its rows differ from the live generation's at the same
-- positions): table, row counts and the keys of the first differing rows, never their contents.
alter table projection_generation
    add column retired_at timestamptz,
    add column dropped_at timestamptz,
    add column mismatch   text;

-- Generations retired before this migration were dropped at their switch.
update projection_generation set dropped_at = coalesce(switched_at, created_at) where state = 'RETIRED';
