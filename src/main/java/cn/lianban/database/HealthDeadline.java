package cn.lianban.database;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.actuate.health.Health;

/**
 * A health component that reads the database does so within a deadline, on a thread of its own: when the database
 * does not answer, the component is UNKNOWN at once and {@code /actuator/health} still answers within two seconds
 * (the {@code db} component tells that the database is down). One per component, closed with it.
 */
public final class HealthDeadline implements AutoCloseable {

    private final Duration deadline;
    private final ExecutorService reader;

    public HealthDeadline(String threadName, Duration deadline) {
        this.deadline = deadline;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The health {@code check} gives, or UNKNOWN when it fails or does not answer in time. */
    public Health check(Callable<Health> check) {
        Future<Health> reading = reader.submit(check);
        try {
            return reading.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Health.unknown().withDetail("error", "not read within " + deadline.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.unknown().withException(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
