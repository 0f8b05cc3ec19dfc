-- Upgrade 0001, exact keys, for MySQL and MariaDB. For tables created by a schema script
-- from before this change (0.1.0-SNAPSHOT builds until December 2026); tables created by the
-- current schema script already have it. Safe to run again: every statement sets its column
-- to the same target. See docs/persistence.md, "Upgrading".
--
-- 1. Every key column gets collate utf8mb4_bin, so that it compares exactly: under the
--    table's default case-insensitive collation, Ord-aBc9 and ORD-ABC9 were one order, one
--    refund key, one subscription. A binary collation is stricter than the old one, so no
--    unique constraint can fail.
-- 2. The order id columns widen to 100 characters, so that a renewal's order id fits: the
--    subscription name (up to 40) plus Midtrans' numeric suffix (up to 32 digits, maybe
--    after a '-').
-- MODIFY restates each column whole (type, collation, null or not null); the indexes on these
-- columns are rebuilt, and each table is copied: run it when the application is stopped or
-- quiet, after a backup.

alter table midtrans_subscription
    modify midtrans_subscription_id varchar(64) collate utf8mb4_bin,
    modify idempotency_key varchar(46) collate utf8mb4_bin not null,
    modify name varchar(40) collate utf8mb4_bin not null,
    modify gopay_account_id varchar(64) collate utf8mb4_bin;

alter table midtrans_payment
    modify order_id varchar(100) collate utf8mb4_bin not null,
    modify transaction_id varchar(64) collate utf8mb4_bin,
    modify idempotency_key varchar(46) collate utf8mb4_bin not null;

alter table midtrans_refund
    modify order_id varchar(100) collate utf8mb4_bin not null,
    modify refund_key varchar(100) collate utf8mb4_bin not null;

alter table midtrans_notification
    modify order_id varchar(255) collate utf8mb4_bin,
    modify transaction_id varchar(255) collate utf8mb4_bin;

alter table midtrans_invoice
    modify order_id varchar(36) collate utf8mb4_bin not null,
    modify invoice_number varchar(40) collate utf8mb4_bin not null,
    modify midtrans_invoice_id varchar(64) collate utf8mb4_bin,
    modify idempotency_key varchar(46) collate utf8mb4_bin not null,
    modify customer_id varchar(36) collate utf8mb4_bin,
    modify paid_order_id varchar(100) collate utf8mb4_bin;

alter table midtrans_pay_account
    modify account_id varchar(64) collate utf8mb4_bin not null;
