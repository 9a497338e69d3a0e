package cn.lianban.bench;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import cn.lianban.notify.SmsSender;

/**
 * The SMS provider of {@link OutboxBenchmark} ({@code lianban.sms.provider=bench}): counts what it is handed and takes
 * {@link #latencyMs} per message, as a gateway's HTTP call would; the outbox calls it from {@code lianban.sms.parallel} threads at once.
 */
@Component
@ConditionalOnProperty(name = "lianban.sms.provider", havingValue = "bench")
class BenchSmsGateway implements SmsSender {

    static final AtomicInteger received = new AtomicInteger();
    static volatile long latencyMs;

    @Override
    public void send(String phone, String text) {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        received.incrementAndGet();
    }
}
