/** JSON Lines: how normalized column values are written as JSON and read back (S3 chunk journal). */
package io.tributary.writers.jsonl;
