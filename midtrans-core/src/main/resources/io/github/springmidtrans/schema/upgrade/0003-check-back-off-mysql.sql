-- Upgrade 0003, back-off of failed status checks, for MySQL and MariaDB. Run after 0002, once,
-- on tables created by a schema script from before this change; tables created by the current
-- schema script already have it. A second run stops with "Duplicate column name
-- 'failed_checks'", which means the upgrade is in place. See docs/persistence.md, "Upgrading".
--
-- A periodic status check that cannot read a payment moves that payment's next check by a
-- back-off growing with each consecutive failure; this column counts them. Existing rows
-- start at zero.
-- Adding a column with a constant default is an in-place change on InnoDB.

alter table midtrans_payment add column failed_checks int default 0 not null after attempts;
