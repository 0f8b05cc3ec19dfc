-- Upgrade 0003, back-off of failed status checks, for H2. Run after 0002 on tables created by a
-- schema script from before this change; tables created by the current schema script already
-- have it. Safe to run again. See docs/persistence.md, "Upgrading".
--
-- A periodic status check that cannot read a payment moves that payment's next check by a
-- back-off growing with each consecutive failure; this column counts them. Existing rows
-- start at zero.

alter table midtrans_payment add column if not exists failed_checks integer default 0 not null;
