-- Upgrade 0001, exact keys, for PostgreSQL. For tables created by a schema script
-- from before this change (0.1.0-SNAPSHOT builds until December 2026); tables created by the
-- current schema script already have it. Safe to run again: every statement sets its column
-- to the same target. See docs/persistence.md, "Upgrading".
--
-- Widens the order id columns to 100 characters, so that a renewal's order id fits: the
-- subscription name (up to 40) plus Midtrans' numeric suffix (up to 32 digits, maybe after
-- a '-'). Widening a varchar changes only the catalog: no table rewrite, no index rebuild.
-- Key columns already compare exactly on PostgreSQL; nothing else changes.

alter table midtrans_payment alter column order_id type varchar(100);
alter table midtrans_refund alter column order_id type varchar(100);
alter table midtrans_invoice alter column paid_order_id type varchar(100);
