/**
 * Parquet writing shared by the file destinations (local and S3), through parquet-java's own
 * {@link org.apache.parquet.io.OutputFile} (no Hadoop file system). The column type mapping is
 * documented on {@code ParquetColumn}: as Airbyte's S3 Parquet output, numbers become DOUBLE and
 * integers INT64; only a column with declared precision (PostgreSQL {@code numeric(p,s)}) becomes
 * {@code DECIMAL(p,s)}. A value that fits no value of its column's type is written as NULL, recorded in
 * the row's {@code _airbyte_meta} as normalization records its own, and
 * logged, never failing the sync. Row groups are sized so that all open writers together stay within
 * a share of the heap ({@code RowGroupMemory}).
 */
package io.tributary.writers.parquet;
