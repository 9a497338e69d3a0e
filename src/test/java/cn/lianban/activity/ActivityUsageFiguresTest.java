package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.LianbanTest;
import cn.lianban.venue.VenueUsage;
import cn.lianban.venue.Venues;

/** A venue's monthly usage shows the activities held there, their confirmed sign-ups and attendance. */
@LianbanTest
class ActivityUsageFiguresTest {

    private static final YearMonth MAY_2024 = YearMonth.of(2024, 5); // no other test uses this month

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VenueUsage usage;
    @Autowired
    Venues venues;

    @Test
    void activitiesSignupsAndAttendanceAppearInTheUsage() {
        long id = activity("V-CITY", LocalDateTime.of(2024, 5, 10, 14, 0));
        signup(id, "13800000001", "CONFIRMED", 1, true);
        signup(id, "13800000002", "CONFIRMED", 2, false);
        signup(id, "13800000003", "WAITLISTED", 3, false);
        activity("V-CITY", LocalDateTime.of(2024, 6, 1, 14, 0)); // next month: not counted

        var may = usage.of(venues.find("V-CITY").orElseThrow(), MAY_2024);
        // one activity in May; two confirmed places (the waiting list does not count); one came
        assertThat(may.extra()).containsEntry("activities", 1L).containsEntry("activitySignups", 2L)
                .containsEntry("attendance", 1L);
    }

    private long activity(String venue, LocalDateTime start) {
        jdbc.update("INSERT INTO activity(title, venue_code, unit_group, published_by, starts_at, ends_at, capacity, "
                        + "status, created_at) VALUES (?,?,?,?,?,?,?,?,?)", "党课", venue, "city-center", "center",
                Timestamp.valueOf(start), Timestamp.valueOf(start.plusHours(2)), 2, "PUBLISHED",
                Timestamp.valueOf(start.minusDays(7)));
        return jdbc.queryForObject("SELECT MAX(id) FROM activity", Long.class);
    }

    private void signup(long activity, String phone, String status, int position, boolean attended) {
        jdbc.update("INSERT INTO signup(activity_id, name, phone, active_phone, status, position, created_at, attended,"
                + " code) VALUES (?,?,?,?,?,?,?,?,?)", activity, "居民", phone, phone, status, position,
                Timestamp.valueOf(LocalDateTime.of(2024, 5, 1, 9, 0)), attended, "T-" + activity + "-" + position);
    }
}
