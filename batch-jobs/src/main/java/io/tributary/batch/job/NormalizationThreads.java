package io.tributary.batch.job;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that normalize a chunk's records concurrently: Spring Batch's chunk-oriented step
 * hands each record of a chunk to them ({@code taskExecutor} of the step) and writes the chunk once
 * all are normalized, so a flattening sync uses every core while the source reads ahead and the
 * destination is idle between chunks. One pool per JVM, of one thread per core; daemon threads, so
 * it never keeps a finished program alive.
 */
final class NormalizationThreads {

    private static final AsyncTaskExecutor EXECUTOR = create();

    private NormalizationThreads() {}

    static AsyncTaskExecutor executor() {
        return EXECUTOR;
    }

    private static AsyncTaskExecutor create() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setDaemon(true);
        executor.setThreadNamePrefix("tributary-normalize-");
        executor.initialize();
        return executor;
    }
}
