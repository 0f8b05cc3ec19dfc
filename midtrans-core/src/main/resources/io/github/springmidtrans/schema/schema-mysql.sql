-- Midtrans starter schema for MySQL and MariaDB. Applied by midtrans.jdbc.initialize-schema; safe to run
-- once on an empty database. Tables and indexes are prefixed midtrans_.

create table midtrans_payment (
    id bigint not null auto_increment primary key,
    order_id varchar(50) not null,
    transaction_id varchar(64),
    payment_type varchar(32) not null,
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
    idempotency_key varchar(46) not null,
    attempts int not null,
    last_error varchar(1000),
    next_check_at datetime(6),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    constraint uk_midtrans_payment_order_id unique (order_id)
) engine=InnoDB default charset=utf8mb4;
create index ix_midtrans_payment_status_check on midtrans_payment (status, next_check_at, id);
create index ix_midtrans_payment_status_expiry on midtrans_payment (status, expiry_time, id);
create index ix_midtrans_payment_transaction_id on midtrans_payment (transaction_id);

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
    order_id varchar(50) not null,
    refund_key varchar(100) not null,
    amount decimal(19,2) not null,
    reason varchar(255),
    direct bit not null,
    state varchar(16) not null,
    status_code varchar(8),
    status_message varchar(255),
    midtrans_refund_id bigint,
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
    order_id varchar(255),
    transaction_id varchar(255),
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
