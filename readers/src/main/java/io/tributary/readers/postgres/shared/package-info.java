/**
 * What the PostgreSQL source's table reading ({@code io.tributary.readers.postgres}) and its change
 * data capture ({@code io.tributary.readers.postgres.cdc}) share, below both so that neither package
 * depends on the other in both directions: the CDC settings (part of the source's configuration) and
 * {@link io.tributary.readers.postgres.shared.SourceAccess}, which the source implements and change
 * capture uses. The source package depends on cdc (it creates the CDC reader), cdc never on the source
 * package.
 */
package io.tributary.readers.postgres.shared;
