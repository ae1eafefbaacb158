/**
 * What the PostgreSQL source (readers) and destination (writers) share, below both: how to reach a
 * server ({@link io.tributary.postgres.PostgresConnectionConfig}), connection failures that say what
 * to fix ({@link io.tributary.postgres.PostgresConnectionException}), and identifiers in generated SQL
 * ({@link io.tributary.postgres.PostgresIdentifiers}). It depends on the connector SPI only.
 */
package io.tributary.postgres;
