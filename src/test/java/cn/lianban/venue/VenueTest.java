package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class VenueTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void bookableHoursAreTheWholeHoursWithinOpeningHours() {
        assertThat(hours(LocalTime.of(8, 30), LocalTime.of(20, 0)))
                .containsExactly(9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(hours(LocalTime.of(9, 0), LocalTime.of(17, 0))).containsExactly(9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(hours(LocalTime.of(8, 30), LocalTime.of(17, 30))).first().isEqualTo(9);
        assertThat(hours(LocalTime.of(8, 30), LocalTime.of(17, 30))).last().isEqualTo(16);
        assertThat(hours(LocalTime.of(6, 0), LocalTime.of(23, 59))).hasSize(17).last().isEqualTo(22);
        assertThat(hours(LocalTime.of(9, 15), LocalTime.of(9, 50))).isEmpty();
    }

    @Test
    void openMeansWithinOneDaysOpeningHours() {
        Venue v = venue(LocalTime.of(8, 30), LocalTime.of(20, 0));
        assertThat(v.isOpen(DAY.atTime(9, 0), DAY.atTime(13, 0))).isTrue();
        assertThat(v.isOpen(DAY.atTime(19, 0), DAY.atTime(20, 0))).isTrue();
        assertThat(v.isOpen(DAY.atTime(8, 0), DAY.atTime(9, 0))).isFalse();
        assertThat(v.isOpen(DAY.atTime(19, 0), DAY.atTime(21, 0))).isFalse();
        assertThat(v.isOpen(DAY.atTime(19, 0), DAY.plusDays(1).atTime(9, 0))).isFalse();
        assertThat(v.hoursText()).isEqualTo("08:30–20:00");
    }

    @Test
    void aBookingsHoursAndPeriod() {
        Booking b = new Booking("B-20261201-ABCDEF", "V", DAY.atTime(9, 0), DAY.atTime(12, 0), "张三", "13800001234",
                BookingStatus.ACTIVE, null, LocalDateTime.of(2026, 11, 29, 10, 0), null);
        assertThat(b.hours()).isEqualTo(3);
        assertThat(b.hourStarts()).containsExactly(DAY.atTime(9, 0), DAY.atTime(10, 0), DAY.atTime(11, 0));
        assertThat(b.period()).isEqualTo("2026-12-01 09:00–12:00");
        assertThat(b.maskedPhone()).isEqualTo("138****1234");
    }

    private static List<Integer> hours(LocalTime opens, LocalTime closes) {
        return venue(opens, closes).hourStarts(DAY).stream().map(LocalDateTime::getHour).toList();
    }

    private static Venue venue(LocalTime opens, LocalTime closes) {
        return new Venue("V", "阵地", Venue.BUILDING, List.of("council"), "地址", 37.65, 120.48, opens, closes, 10,
                false, null, null, "community:C-DL-01");
    }
}
