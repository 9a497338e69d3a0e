package cn.lianban.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure read from the database (a grouped COUNT, an engine query) at most once per interval: the gauges of a
 * Prometheus scrape share one reading, and a scrape every few seconds cannot load the database. A failed reading
 * is not tried again before the interval is over; until then the figure is empty (the gauges say NaN).
 */
public final class Cached<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Cached.class);

    private final String name;
    private final long intervalNanos;
    private final Supplier<T> read;
    private T value;
    private long readAt;
    private boolean taken;

    public Cached(String name, Duration interval, Supplier<T> read) {
        this.name = name;
        this.intervalNanos = interval.toNanos();
        this.read = read;
    }

    /** The last reading, taken again when it is older than the interval; empty when that reading failed. */
    public synchronized Optional<T> get() {
        long now = System.nanoTime();
        if (!taken || now - readAt >= intervalNanos) {
            taken = true;
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                LOG.warn("{} not read: {}", name, e.toString());
                value = null;
            }
        }
        return Optional.ofNullable(value);
    }
}
