package io.tributary.benchmarks;

/**
 * One timed run of a benchmark case.
 *
 * @param rows rows moved (source rows)
 * @param seconds wall time of the timed part
 * @param peakLiveHeapBytes the largest heap occupancy seen right after a garbage collection
 * @param peakRssBytes the process's peak resident set size (VmHWM)
 * @param check an order-independent summary of the output (counts, sums) to compare with the source
 */
public record Measurement(long rows, double seconds, long peakLiveHeapBytes, long peakRssBytes, String check) {

    public double rowsPerSecond() {
        return rows / Math.max(seconds, 1e-9);
    }

    String toLine() {
        return "RESULT " + rows + " " + seconds + " " + peakLiveHeapBytes + " " + peakRssBytes + " " + check;
    }

    static Measurement parse(String line) {
        String[] p = line.substring("RESULT ".length()).split(" ", 5);
        return new Measurement(
                Long.parseLong(p[0]),
                Double.parseDouble(p[1]),
                Long.parseLong(p[2]),
                Long.parseLong(p[3]),
                p.length > 4 ? p[4] : "");
    }
}
