/**
 * The local files destination (type {@code local}): JSON Lines or Parquet in
 * {@code <destination_path>/<namespace or default>/<table>/}, the embedded default for demos. Each
 * committed chunk is one file per table ({@code <epoch>_<syncId>_<chunk>.<ext>}), moved in by
 * {@code complete()}.
 */
package io.tributary.writers.local;
