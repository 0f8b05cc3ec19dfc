-- An application's own first migration, beside the Midtrans ones
-- (ApplicationFlywayIntegrationTests). Plain SQL that H2 and PostgreSQL both take.
create table shop_payment (
    id bigint primary key
);
