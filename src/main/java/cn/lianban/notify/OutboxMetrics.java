package cn.lianban.notify;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import cn.lianban.common.Cached;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code lianban_outbox{kind=…,status="pending"|"failed"}}: messages waiting to be sent (retries included) and
 * messages given up, from one grouped COUNT of the outbox at most every {@code lianban.metrics.refresh-interval}.
 */
abstract class OutboxMetrics implements MeterBinder {

    private final String kind;
    private final Cached<Map<OutboxStatus, Long>> counts;

    OutboxMetrics(String kind, Supplier<Map<OutboxStatus, Long>> read, Duration interval) {
        this.kind = kind;
        this.counts = new Cached<>(kind + " outbox counts", interval, read);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxStatus status : new OutboxStatus[]{OutboxStatus.PENDING, OutboxStatus.FAILED}) {
            Gauge.builder("lianban.outbox", () -> counts.get().map(c -> (Number) c.get(status)).orElse(Double.NaN))
                    .description("Messages in an outbox by status")
                    .tags("kind", kind, "status", status.name().toLowerCase())
                    .register(registry);
        }
    }
}
