package io.tributary.benchmarks;

/** One benchmark case: a timed data movement and a check of what it produced. */
interface BenchCase {

    /** Prepares (untimed), runs the timed part, and checks the output. */
    Measurement run(BenchContext context, MemoryWatch memory) throws Exception;
}
