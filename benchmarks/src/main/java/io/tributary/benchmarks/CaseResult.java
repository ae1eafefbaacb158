package io.tributary.benchmarks;

import java.util.Comparator;
import java.util.List;

/** The runs of one case: median, spread and peaks over them. */
record CaseResult(Cases definition, List<Measurement> runs, long sourceBytes) {

    double medianSeconds() {
        List<Double> s = runs.stream().map(Measurement::seconds).sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** (slowest - fastest) / median, as a percentage. */
    double spreadPercent() {
        double min = runs.stream().mapToDouble(Measurement::seconds).min().orElse(0);
        double max = runs.stream().mapToDouble(Measurement::seconds).max().orElse(0);
        return 100 * (max - min) / Math.max(medianSeconds(), 1e-9);
    }

    long rows() {
        return runs.get(0).rows();
    }

    double rowsPerSecond() {
        return rows() / Math.max(medianSeconds(), 1e-9);
    }

    double megabytes() {
        return sourceBytes / 1e6;
    }

    double megabytesPerSecond() {
        return megabytes() / Math.max(medianSeconds(), 1e-9);
    }

    long peakLiveHeap() {
        return runs.stream().mapToLong(Measurement::peakLiveHeapBytes).max().orElse(0);
    }

    long peakRss() {
        return runs.stream().mapToLong(Measurement::peakRssBytes).max().orElse(0);
    }

    String check() {
        return runs.stream()
                .map(Measurement::check)
                .max(Comparator.naturalOrder())
                .orElse("");
    }

    boolean checksAgree() {
        return runs.stream().map(Measurement::check).distinct().count() <= 1;
    }
}
