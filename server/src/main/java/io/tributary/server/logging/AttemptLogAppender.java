package io.tributary.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Copies the log lines of a job's threads (those whose MDC names a job and attempt) into the
 * attempt's log, masked, so that {@code jobs/get} shows what the sync said, as Airbyte's job logs do.
 */
public final class AttemptLogAppender extends AppenderBase<ILoggingEvent> {

    public static final String JOB_KEY = "tributary.job";
    public static final String ATTEMPT_KEY = "tributary.attempt";

    /** Where the lines go. */
    @FunctionalInterface
    public interface Sink {
        void append(long jobId, int attempt, Instant at, String line);
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);
    private final Sink sink;

    private AttemptLogAppender(Sink sink) {
        this.sink = sink;
    }

    /** Attaches an appender writing to {@code sink} to the root logger; returns it for {@link #detach}. */
    public static AttemptLogAppender attach(Sink sink) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        AttemptLogAppender appender = new AttemptLogAppender(sink);
        appender.setContext(context);
        appender.setName("tributary-attempt-log");
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        // The sync's own progress lines are INFO: make sure they reach the appender.
        Logger sync = context.getLogger("io.tributary");
        if (sync.getLevel() == null || sync.getLevel().isGreaterOrEqual(Level.WARN)) {
            sync.setLevel(Level.INFO);
        }
        return appender;
    }

    public void detach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        String job = mdc.get(JOB_KEY);
        String attempt = mdc.get(ATTEMPT_KEY);
        if (job == null || attempt == null || !event.getLevel().isGreaterOrEqual(Level.INFO) || inside.get()) {
            return;
        }
        inside.set(true);
        // The sink's own JDBC work must not be attributed to the attempt.
        Map<String, String> saved = MDC.getCopyOfContextMap();
        MDC.clear();
        try {
            StringBuilder line = new StringBuilder(TIME.format(event.getInstant()))
                    .append(' ')
                    .append(event.getLevel())
                    .append(' ')
                    .append(event.getFormattedMessage());
            IThrowableProxy error = event.getThrowableProxy();
            while (error != null) {
                line.append(" | caused by ")
                        .append(error.getClassName())
                        .append(": ")
                        .append(error.getMessage());
                error = error.getCause();
            }
            sink.append(
                    Long.parseLong(job),
                    Integer.parseInt(attempt),
                    event.getInstant(),
                    SecretMasker.mask(line.toString()));
        } catch (RuntimeException e) {
            addWarn("cannot store a log line of job " + job + ": " + e.getMessage());
        } finally {
            if (saved != null) {
                MDC.setContextMap(saved);
            }
            inside.set(false);
        }
    }
}
