package cn.lianban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V2__calendar.sql on an in-memory H2 (V1 runs too), read through the real service. */
class WorkingCalendarJdbcTest {

    private static WorkingCalendar calendar;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        DataSource ds = h2("cal");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        calendar = new WorkingCalendar(jdbc);
    }

    static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void springFestival2026FromTheTable() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Mon, 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Sat, 调休上班").isTrue();
        // same reasoning as the logic test: Fri 02-13 +3 -> 02-14, 02-24, 02-25
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-02-13"), 3)).isEqualTo(LocalDate.parse("2026-02-25"));
    }

    @Test
    void table2026MatchesTheNoticeAsWrittenInTheLogicTest() {
        assertThat(calendar.days(2026))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("source")
                .containsExactlyInAnyOrderElementsOf(WorkingCalendarLogicTest.expected2026());
        assertThat(calendar.days(2026)).allSatisfy(d -> assertThat(d.source()).contains("国办发明电〔2025〕7号"));
        assertThat(calendar.days(2025)).allSatisfy(d -> assertThat(d.source()).contains("国办发明电〔2024〕12号"));
        assertThat(calendar.days(2027)).isNotEmpty().allSatisfy(d -> assertThat(d.source()).startsWith("暂定"));
    }

    @Test
    void everyMigratedRowPassesTheAdminValidation() {
        // catches a mistyped date that put a HOLIDAY on a weekend or a WORKDAY on a weekday
        for (int year = 2025; year <= 2027; year++) {
            assertThat(calendar.days(year)).allSatisfy(d -> assertThat(WorkingDays.validated(d)).isEqualTo(d));
        }
    }

    @Test
    void editsGoThroughToTheCacheAndInvalidOnesChangeNothing() {
        LocalDate monday = LocalDate.parse("2030-03-04");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day", Integer.class);
        assertThat(calendar.isWorkingDay(monday)).isTrue();

        calendar.save(new CalendarDay(monday, CalendarDay.HOLIDAY, "测试假日", "测试"));
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        calendar.save(new CalendarDay(monday, CalendarDay.HOLIDAY, "改名", "测试"));
        assertThat(calendar.days(2030)).extracting(CalendarDay::name).containsExactly("改名");

        assertThatThrownBy(() -> calendar.save(new CalendarDay(monday, CalendarDay.WORKDAY, "错", "测试")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calendar.days(2030)).extracting(CalendarDay::kind).containsExactly(CalendarDay.HOLIDAY);

        calendar.delete(monday);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day", Integer.class)).isEqualTo(before);
    }
}
