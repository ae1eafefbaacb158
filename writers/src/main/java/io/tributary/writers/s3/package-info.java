/**
 * The S3 / MinIO destination (type {@code s3}): the data-lake path, any stream to Parquet or JSON Lines
 * in a bucket.
 *
 * <h2>Layout</h2>
 * With the default {@code s3_path_format} ({@code ${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_})
 * every table has its own folder holding only its files, {@code <s3_bucket_path>/<namespace>/<table>/
 * 2024_05_01_1714567890123_0.parquet}; a stream's child tables ({@code customers_addresses}) are
 * folders next to the parent's. All columns are optional, so the files of a table share one schema and
 * Dremio can promote each folder as a dataset: {@code source.bucket."prefix".namespace.stream}, e.g.
 * {@code SELECT * FROM minio.lake."tributary".shop.customers}. The sync's work in progress lives under
 * {@code <s3_bucket_path>/.tributary-staging/}, outside every table folder. With normalization mode
 * raw a stream's folder holds its raw records as Airbyte's S3 destination wrote them:
 * {@code _airbyte_ab_id}, {@code _airbyte_emitted_at} (epoch milliseconds) and {@code _airbyte_data}
 * (the record; a JSON object in JSON Lines, a JSON column in Parquet).
 *
 * <h2>MinIO</h2>
 * <pre>
 * destination:
 *   type: s3
 *   config:
 *     s3_endpoint: http://localhost:9000      # path-style access follows automatically
 *     s3_bucket_name: lake
 *     s3_bucket_path: tributary
 *     access_key_id: minioadmin
 *     secret_access_key: minioadmin
 *     format: parquet
 *     compression_codec: SNAPPY
 * </pre>
 * Query the output with DuckDB:
 * <pre>
 * duckdb -c "INSTALL httpfs; LOAD httpfs; CREATE SECRET (TYPE s3, KEY_ID 'minioadmin', SECRET 'minioadmin',
 *   ENDPOINT 'localhost:9000', URL_STYLE 'path', USE_SSL false);
 *   SELECT count(*) FROM read_parquet('s3://lake/tributary/shop/customers/*.parquet')"
 * </pre>
 *
 * <h2>Guarantees</h2>
 * A file appears only whole (multipart upload completed in {@code complete()}). Overwrite deletes the
 * earlier syncs' files of a table only after every new file of the stream is complete, so a reader
 * always finds all of the old data or all of the new; S3 has no multi-object transaction, so for the
 * moment between the last new file appearing and the old ones being deleted (one batch delete) a
 * listing holds both. A restarted sync neither loses nor repeats rows: closed files are tracked in the
 * committed state, the open file is rebuilt from the chunk journal, and uploads the state does not
 * name are aborted. Uploads of a failed sync that is never restarted are aborted by the stream's next
 * sync.
 */
package io.tributary.writers.s3;
