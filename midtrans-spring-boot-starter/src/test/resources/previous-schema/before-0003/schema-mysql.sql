-- The Midtrans tables as the schema script made them before upgrades 0003 (failed_checks)
-- and 0004 (event outbox): a copy of the earlier schema-mysql.sql, kept for the upgrade tests.
--
-- Midtrans starter schema for MySQL and MariaDB. Applied by midtrans.jdbc.initialize-schema; safe to run
-- once on an empty database. Tables and indexes are prefixed midtrans_.
-- Order id columns hold 100 characters: a subscription renewal's order id is the subscription
-- name (up to 40) followed by Midtrans' numeric suffix (up to 32 digits, maybe after a '-').
-- Key columns (order ids, refund keys, idempotency keys, the ids Midtrans issues) are declared
-- collate utf8mb4_bin so that they compare exactly, as on PostgreSQL and H2: under the default
-- case-insensitive collation Ord-aBc9 and ORD-ABC9 would be one order. (Like every PAD SPACE
-- collation, utf8mb4_bin ignores trailing spaces; Midtrans' identifiers contain none.)


create table midtrans_subscription (
    id bigint not null auto_increment primary key,
    midtrans_subscription_id varchar(64) collate utf8mb4_bin,
    idempotency_key varchar(46) collate utf8mb4_bin not null,
    name varchar(40) collate utf8mb4_bin not null,
    amount decimal(19,2) not null,
    currency varchar(3) not null,
    payment_type varchar(32) not null,
    token varchar(255) not null,
    schedule_interval int not null,
    schedule_interval_unit varchar(16) not null,
    schedule_max_interval int,
    schedule_current_interval int,
    start_time datetime(6),
    previous_execution_at datetime(6),
    next_execution_at datetime(6),
    retry_interval int,
    retry_interval_unit varchar(16),
    retry_max_interval int,
    status varchar(16) not null,
    customer_first_name varchar(255),
    customer_last_name varchar(255),
    customer_email varchar(255),
    customer_phone varchar(255),
    gopay_account_id varchar(64) collate utf8mb4_bin,
    metadata varchar(1000),
    attempts int not null,
    last_error varchar(1000),
    next_check_at datetime(6),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    constraint uk_midtrans_subscription_midtrans_id unique (midtrans_subscription_id),
    constraint uk_midtrans_subscription_idempotency_key unique (idempotency_key)
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_subscription_status_check on midtrans_subscription (status, next_check_at, id);
create index ix_midtrans_subscription_name on midtrans_subscription (name);

create table midtrans_payment (
    id bigint not null auto_increment primary key,
    order_id varchar(100) collate utf8mb4_bin not null,
    transaction_id varchar(64) collate utf8mb4_bin,
    payment_type varchar(32),
    bank varchar(32),
    gross_amount decimal(19,2) not null,
    currency varchar(3) not null,
    status varchar(32) not null,
    transaction_status varchar(32),
    fraud_status varchar(16),
    status_code varchar(8),
    status_message varchar(255),
    customer_first_name varchar(255),
    customer_last_name varchar(255),
    customer_email varchar(255),
    customer_phone varchar(255),
    va_number varchar(64),
    bill_key varchar(32),
    biller_code varchar(16),
    payment_code varchar(64),
    redirect_url varchar(2048),
    deeplink_url varchar(2048),
    qr_code_url varchar(2048),
    qr_string text,
    transaction_time datetime(6),
    settlement_time datetime(6),
    expiry_time datetime(6),
    refunded_amount decimal(19,2) not null,
    custom_field1 varchar(255),
    custom_field2 varchar(255),
    custom_field3 varchar(255),
    metadata text,
    charge_request text,
    charge_response text,
    idempotency_key varchar(46) collate utf8mb4_bin not null,
    attempts int not null,
    last_error varchar(1000),
    next_check_at datetime(6),
    subscription_id bigint,
    snap bit default 0 not null,
    snap_token varchar(255),
    snap_redirect_url varchar(2048),
    snap_page_expiry_time datetime(6),
    flag varchar(32),
    flag_detail varchar(1000),
    flagged_at datetime(6),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    constraint uk_midtrans_payment_order_id unique (order_id),
    constraint fk_midtrans_payment_subscription foreign key (subscription_id) references midtrans_subscription (id)
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_payment_status_check on midtrans_payment (status, next_check_at, id);
create index ix_midtrans_payment_status_expiry on midtrans_payment (status, expiry_time, id);
create index ix_midtrans_payment_transaction_id on midtrans_payment (transaction_id);
create index ix_midtrans_payment_subscription on midtrans_payment (subscription_id, id);
create index ix_midtrans_payment_flag on midtrans_payment (flag, id);

create table midtrans_payment_item (
    id bigint not null auto_increment primary key,
    payment_id bigint not null,
    item_id varchar(50),
    name varchar(255) not null,
    price decimal(19,2) not null,
    quantity int not null,
    brand varchar(255),
    category varchar(255),
    merchant_name varchar(255),
    constraint fk_midtrans_payment_item_payment foreign key (payment_id) references midtrans_payment (id) on delete cascade
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_payment_item_payment on midtrans_payment_item (payment_id);

create table midtrans_refund (
    id bigint not null auto_increment primary key,
    payment_id bigint not null,
    order_id varchar(100) collate utf8mb4_bin not null,
    refund_key varchar(100) collate utf8mb4_bin not null,
    amount decimal(19,2) not null,
    reason varchar(255),
    direct bit not null,
    state varchar(16) not null,
    status_code varchar(8),
    status_message varchar(255),
    midtrans_refund_id bigint,
    response text,
    attempts int not null,
    last_error varchar(1000),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    constraint uk_midtrans_refund_refund_key unique (refund_key),
    constraint fk_midtrans_refund_payment foreign key (payment_id) references midtrans_payment (id)
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_refund_order on midtrans_refund (order_id, id);
create index ix_midtrans_refund_state on midtrans_refund (state, id);

create table midtrans_notification (
    id bigint not null auto_increment primary key,
    order_id varchar(255) collate utf8mb4_bin,
    transaction_id varchar(255) collate utf8mb4_bin,
    transaction_status varchar(64),
    status_code varchar(64),
    gross_amount varchar(64),
    payload mediumtext,
    outcome varchar(32),
    error varchar(1000),
    received_at datetime(6) not null,
    processed_at datetime(6),
    processing_millis bigint
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_notification_order on midtrans_notification (order_id, id);
create index ix_midtrans_notification_received on midtrans_notification (received_at);

create table midtrans_invoice (
    id bigint not null auto_increment primary key,
    order_id varchar(36) collate utf8mb4_bin not null,
    invoice_number varchar(40) collate utf8mb4_bin not null,
    midtrans_invoice_id varchar(64) collate utf8mb4_bin,
    idempotency_key varchar(46) collate utf8mb4_bin not null,
    status varchar(16) not null,
    payment_type varchar(32) not null,
    customer_id varchar(36) collate utf8mb4_bin,
    customer_name varchar(255),
    customer_email varchar(255),
    customer_phone varchar(32),
    gross_amount decimal(19,2),
    invoice_date datetime(6) not null,
    due_date datetime(6) not null,
    pdf_url varchar(2048),
    payment_link_url varchar(2048),
    va_numbers varchar(1000),
    invoice_request mediumtext,
    paid_order_id varchar(100) collate utf8mb4_bin,
    paid_at datetime(6),
    voided_at datetime(6),
    overdue_at datetime(6),
    attempts int not null,
    last_error varchar(1000),
    flag varchar(32),
    flag_detail varchar(1000),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    constraint uk_midtrans_invoice_order_id unique (order_id),
    constraint uk_midtrans_invoice_number unique (invoice_number),
    constraint uk_midtrans_invoice_midtrans_id unique (midtrans_invoice_id)
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_invoice_status_due on midtrans_invoice (status, due_date, id);
create index ix_midtrans_invoice_flag on midtrans_invoice (flag, id);

create table midtrans_invoice_item (
    id bigint not null auto_increment primary key,
    invoice_id bigint not null,
    item_id varchar(50),
    description varchar(255) not null,
    quantity int not null,
    price decimal(19,2) not null,
    discount_percentage int,
    constraint fk_midtrans_invoice_item_invoice foreign key (invoice_id) references midtrans_invoice (id) on delete cascade
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_invoice_item_invoice on midtrans_invoice_item (invoice_id);

create table midtrans_pay_account (
    id bigint not null auto_increment primary key,
    account_id varchar(64) collate utf8mb4_bin not null,
    payment_type varchar(16) not null,
    status varchar(16) not null,
    phone_number varchar(20),
    country_code varchar(4),
    activation_url varchar(2048),
    activation_app_url varchar(2048),
    payment_options varchar(2000),
    channel_response_code varchar(16),
    channel_response_message varchar(255),
    linked_at datetime(6),
    unbound_at datetime(6),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    constraint uk_midtrans_pay_account_account_id unique (account_id)
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_pay_account_status on midtrans_pay_account (status, id);

-- Locks of the periodic jobs when several instances share the database (ShedLock).
create table midtrans_shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp(3) null,
    locked_at timestamp(3) null,
    locked_by varchar(255) not null
) engine=InnoDB default charset=utf8mb4;
