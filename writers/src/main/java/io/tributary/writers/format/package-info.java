/** The file formats of the file destinations and the one interface their writers share. */
package io.tributary.writers.format;
