package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A cached figure is read once per interval, also when the reading failed. */
class CachedTest {

    @Test
    void readsOncePerInterval() {
        AtomicInteger reads = new AtomicInteger();
        Cached<Integer> figure = new Cached<>("test", Duration.ofMinutes(1), reads::incrementAndGet);
        assertThat(figure.get()).contains(1);
        assertThat(figure.get()).contains(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsAgainOnceTheIntervalIsOver() throws InterruptedException {
        // a pause of the machine only lengthens the wait, so a slow machine cannot make it fail
        AtomicInteger reads = new AtomicInteger();
        Cached<Integer> figure = new Cached<>("test", Duration.ofMillis(50), reads::incrementAndGet);
        assertThat(figure.get()).contains(1);
        Thread.sleep(100);
        assertThat(figure.get()).contains(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadingIsEmptyAndNotRetriedAtOnce() {
        AtomicInteger reads = new AtomicInteger();
        Cached<Integer> figure = new Cached<>("test", Duration.ofMinutes(1), () -> {
            reads.incrementAndGet();
            throw new IllegalStateException("database down");
        });
        assertThat(figure.get()).isEmpty();
        assertThat(figure.get()).isEmpty();
        assertThat(reads).hasValue(1);
    }
}
