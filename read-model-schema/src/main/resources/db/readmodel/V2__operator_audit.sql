-- Every operator action on the projections (rebuild, cancel, dead-letter retry and skip), refused ones too:
-- who did what to which projection or dead letter, when, and how it ended. Rows are only ever added.
create table operator_audit (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    subject text not null,
    action  text not null,
    target  text not null,
    outcome text not null,
    status  integer not null,
    reason  text
);
