/**
 * The local files destination (type {@code local}): JSON Lines or Parquet in
 * {@code <destination_path>/<namespace or default>/<table>/}, the embedded default for demos. A table's
 * file grows across chunks up to {@code file_size_mb} ({@code <epoch>_<syncId>_<n>.<ext>}); files are
 * moved in by {@code complete()}. With normalization mode raw a stream has one table, named after it,
 * of raw records ({@code _airbyte_ab_id}, {@code _airbyte_emitted_at}, {@code _airbyte_data}; see
 * {@link io.tributary.writers.format.StreamFiles}).
 */
package io.tributary.writers.local;
