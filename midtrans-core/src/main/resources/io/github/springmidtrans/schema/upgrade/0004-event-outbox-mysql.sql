-- Upgrade 0004, event outbox, for MySQL and MariaDB. For a database created by a schema script from
-- before this change; databases created by the current schema script already have it. Safe
-- to run again. See docs/persistence.md, "Upgrading".
--
-- Each payment, invoice and subscription event is recorded here in the transaction of the
-- transition that raised it, and delivered to the application's listeners after commit,
-- again after a listener failure or a crash, until delivered (docs/reliability.md, "Events
-- at least once"). Nothing else changes.

create table if not exists midtrans_event_publication (
    id bigint not null auto_increment primary key,
    event_id varchar(36) collate utf8mb4_bin not null,
    event_type varchar(255) not null,
    payload mediumtext not null,
    created_at datetime(6) not null,
    completed_at datetime(6),
    attempts int not null,
    last_error varchar(1000),
    next_attempt_at datetime(6) not null,
    constraint uk_midtrans_event_publication_event_id unique (event_id),
    index ix_midtrans_event_publication_due (completed_at, next_attempt_at)
) engine=InnoDB default charset=utf8mb4;
