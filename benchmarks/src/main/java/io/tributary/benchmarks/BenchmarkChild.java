package io.tributary.benchmarks;

/** Runs one benchmark case in its own JVM (so that its heap and RSS are its own) and prints its result line. */
public final class BenchmarkChild {

    private BenchmarkChild() {}

    public static void main(String[] args) throws Exception {
        MemoryWatch memory = new MemoryWatch();
        BenchContext context = BenchContext.fromArgs(args, 1);
        Measurement m = Cases.byName(args[0]).run(context, memory);
        System.out.println(m.toLine());
        System.exit(0);
    }
}
