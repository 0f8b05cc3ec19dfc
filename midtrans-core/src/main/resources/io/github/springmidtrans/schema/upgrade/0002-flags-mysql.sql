-- Upgrade 0002, flagged rows, for MySQL and MariaDB. Run after 0001, once, on tables created
-- by a schema script from before this change; tables created by the current schema script
-- already have it. MySQL has no "add column if not exists": a second run stops at its first
-- statement with "Duplicate column name 'flag'", which means the upgrade is in place. See
-- docs/persistence.md, "Upgrading".
--
-- A payment or invoice whose Midtrans answer does not match what was recorded (another
-- amount, currency, order id, payment method or refund) is set aside for a person: these
-- columns say why and since when. Existing rows get no flag. Adding nullable columns is an
-- in-place change on InnoDB.

alter table midtrans_payment add column flag varchar(32), add column flag_detail varchar(1000),
    add column flagged_at datetime(6);
create index ix_midtrans_payment_flag on midtrans_payment (flag, id);
alter table midtrans_invoice add column flag varchar(32), add column flag_detail varchar(1000);
create index ix_midtrans_invoice_flag on midtrans_invoice (flag, id);
