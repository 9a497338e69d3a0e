package cn.lianban.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** When late jobs count as stalled: only when their number does not go down for a minute. */
class JobsHealthIndicatorTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final JobsHealthIndicator health = new JobsHealthIndicator(null, true);

    @Test
    void aBacklogBeingWorkedOffIsNotStalled() {
        assertThat(health.observe(10_000, 0)).isFalse();
        assertThat(health.observe(9_000, 30 * SECOND)).isFalse();
        assertThat(health.observe(4_000, 61 * SECOND)).isFalse();
        assertThat(health.observe(0, 90 * SECOND)).isFalse();
    }

    @Test
    void lateJobsThatStayAreStalledUntilTheyGo() {
        assertThat(health.observe(5, 0)).isFalse();
        assertThat(health.observe(5, 30 * SECOND)).isFalse(); // too early to tell
        assertThat(health.observe(6, 60 * SECOND)).isTrue();
        assertThat(health.observe(6, 90 * SECOND)).isTrue(); // the verdict holds until the next comparison
        assertThat(health.observe(3, 121 * SECOND)).isFalse();
        assertThat(health.observe(0, 130 * SECOND)).isFalse();
    }
}
