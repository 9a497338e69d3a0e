package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimeLightTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant DUE = START.plusSeconds(100 * 3600);

    @Test
    void greenWhileMoreThanAFifthIsLeft() {
        assertThat(TimeLight.of(START, DUE, START)).isEqualTo(TimeLight.GREEN);
        assertThat(TimeLight.of(START, DUE, START.plusSeconds(79 * 3600))).isEqualTo(TimeLight.GREEN);
    }

    @Test
    void yellowWhenAFifthOrLessIsLeft() {
        assertThat(TimeLight.of(START, DUE, START.plusSeconds(80 * 3600))).isEqualTo(TimeLight.YELLOW);
        assertThat(TimeLight.of(START, DUE, DUE.minusSeconds(1))).isEqualTo(TimeLight.YELLOW);
    }

    @Test
    void redFromTheDeadlineOn() {
        assertThat(TimeLight.of(START, DUE, DUE)).isEqualTo(TimeLight.RED);
        assertThat(TimeLight.of(START, DUE, DUE.plusSeconds(3600))).isEqualTo(TimeLight.RED);
        assertThat(TimeLight.RED.label()).isEqualTo("逾期");
    }
}
