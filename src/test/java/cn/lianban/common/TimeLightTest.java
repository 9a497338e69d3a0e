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

    /** 劳动节 2026: 1 May and 4–5 May off, the weekend 2–3 May too. */
    private static boolean workingDay(java.time.LocalDate day) {
        return !(day.getMonthValue() == 5 && (day.getDayOfMonth() <= 5))
                && day.getDayOfWeek().getValue() < 6 || day.equals(java.time.LocalDate.of(2026, 5, 9));
    }

    @Test
    void aHolidayUsesNoneOfTheTime() {
        // Tue 28 April 10:00 to Wed 6 May 18:00: 14 + 24 + 24 + 18 = 80 working hours; yellow with 16 or less left
        Instant start = beijing(2026, 4, 28, 10);
        Instant due = beijing(2026, 5, 6, 18);
        assertThat(TimeLight.of(start, due, beijing(2026, 5, 5, 12), TimeLightTest::workingDay))
                .as("on the holiday 18 working hours are left").isEqualTo(TimeLight.GREEN);
        assertThat(TimeLight.of(start, due, beijing(2026, 5, 5, 12)))
                .as("counted on the calendar it would be yellow: 30 of 200 hours").isEqualTo(TimeLight.YELLOW);
        assertThat(TimeLight.of(start, due, beijing(2026, 5, 6, 1), TimeLightTest::workingDay))
                .isEqualTo(TimeLight.GREEN);
        assertThat(TimeLight.of(start, due, beijing(2026, 5, 6, 2), TimeLightTest::workingDay))
                .isEqualTo(TimeLight.YELLOW);
        assertThat(TimeLight.of(start, due, due, TimeLightTest::workingDay)).isEqualTo(TimeLight.RED);
        // a clock wholly within the holiday counts its calendar time
        assertThat(TimeLight.of(beijing(2026, 5, 1, 10), beijing(2026, 5, 2, 10), beijing(2026, 5, 2, 6),
                TimeLightTest::workingDay)).isEqualTo(TimeLight.YELLOW);
    }

    private static Instant beijing(int y, int m, int d, int h) {
        return java.time.LocalDateTime.of(y, m, d, h, 0).atZone(EngineClock.ZONE).toInstant();
    }
}
