-- Upgrade 0005, indexes of the event outbox, for PostgreSQL only: H2, MySQL and MariaDB keep
-- their index (they have no partial indexes, and MySQL purges old row versions by itself).
-- Run after 0004 on tables created by a schema script from before this change; tables created
-- by the current schema script already have it. Safe to run again. See docs/persistence.md,
-- "Upgrading".
--
-- The index on (completed_at, next_attempt_at) kept an entry for every incomplete version of
-- every publication, dead ones included until a vacuum, and without fresh statistics the
-- planner chose it for the batched completion: each completion then read every such entry.
-- It is replaced by two partial indexes, one of incomplete publications in id order for the
-- redelivery, one of completed publications by completion time for the deletion after the
-- retention. Nothing else changes. On a large table, run the two creates first as
-- "create index concurrently if not exists" outside a transaction to keep writes going.

create index if not exists ix_midtrans_event_publication_incomplete on midtrans_event_publication (id, next_attempt_at)
    where completed_at is null;
create index if not exists ix_midtrans_event_publication_completed on midtrans_event_publication (completed_at)
    where completed_at is not null;
drop index if exists ix_midtrans_event_publication_due;
