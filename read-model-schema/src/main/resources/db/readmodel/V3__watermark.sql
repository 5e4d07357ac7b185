-- Per partition, the relay's watermark last applied: every event at or below it in that partition has been
-- applied. The minimum over all partitions is the position up to which the read model is complete.
alter table projection_offset add column watermark bigint not null default 0;
