-- Upgrade 0002, flagged rows, for H2. Run after 0001 on tables created by a schema script from
-- before this change; tables created by the current schema script already have it. Safe to
-- run again. See docs/persistence.md, "Upgrading".
--
-- A payment or invoice whose Midtrans answer does not match what was recorded (another
-- amount, currency, order id, payment method or refund) is set aside for a person: these
-- columns say why and since when. Existing rows get no flag.

alter table midtrans_payment add column if not exists flag varchar(32);
alter table midtrans_payment add column if not exists flag_detail varchar(1000);
alter table midtrans_payment add column if not exists flagged_at timestamp(6) with time zone;
create index if not exists ix_midtrans_payment_flag on midtrans_payment (flag, id);
alter table midtrans_invoice add column if not exists flag varchar(32);
alter table midtrans_invoice add column if not exists flag_detail varchar(1000);
create index if not exists ix_midtrans_invoice_flag on midtrans_invoice (flag, id);
