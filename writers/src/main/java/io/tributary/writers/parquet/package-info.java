/**
 * Parquet writing shared by the file destinations (local and S3), through parquet-java's own
 * {@link org.apache.parquet.io.OutputFile} (no Hadoop file system). The column type mapping is
 * documented on {@code ParquetColumn}; numbers without declared precision become {@code DECIMAL(38,9)}
 * (BigQuery's NUMERIC, readable as a number everywhere) and a value with more digits fails the chunk
 * with a message rather than being rounded, unless {@code number_without_precision: string} keeps
 * such numbers as exact text.
 */
package io.tributary.writers.parquet;
