package io.tributary.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures the memory a benchmark case needs: the peak heap occupancy right after each garbage
 * collection and the process's peak resident set size.
 *
 * <p>After a young collection G1 still counts the old regions' garbage (objects that lived through a
 * few young collections, such as a chunk's records, and died since), so that figure follows the
 * collector's heuristics as much as the data. {@link #sampleLiveHeap} measures what really stays
 * live instead: a full collection every period and the heap used after it (the memory case uses it;
 * it slows a run down by the collections' pauses, so the speed cases do not).
 */
final class MemoryWatch {

    private final AtomicLong peakLiveHeap = new AtomicLong();
    private final AtomicLong peakSampledLiveHeap = new AtomicLong(-1);

    MemoryWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long live = 0;
                                for (Map.Entry<String, MemoryUsage> e :
                                        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                    if (isHeap(e.getKey())) {
                                        live += e.getValue().getUsed();
                                    }
                                }
                                peakLiveHeap.accumulateAndGet(live, Math::max);
                            }
                        },
                        null,
                        null);
            }
        }
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    /** The peak heap after a collection; the peak sampled live heap when {@link #sampleLiveHeap} runs. */
    long peakLiveHeapBytes() {
        if (peakSampledLiveHeap.get() >= 0) {
            return peakSampledLiveHeap.get();
        }
        System.gc();
        return peakLiveHeap.get();
    }

    /** Starts a daemon thread that runs a full collection every {@code periodMillis} and keeps the largest heap used after one. */
    void sampleLiveHeap(long periodMillis) {
        peakSampledLiveHeap.set(0);
        Thread sampler = new Thread(
                () -> {
                    while (true) {
                        try {
                            Thread.sleep(periodMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                        System.gc();
                        long used = ManagementFactory.getMemoryMXBean()
                                .getHeapMemoryUsage()
                                .getUsed();
                        peakSampledLiveHeap.accumulateAndGet(used, Math::max);
                    }
                },
                "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
