package cn.lianban.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.RequestBodies;
import cn.lianban.notify.SmsOutbox;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * A database migrated by Flyway with a few venues, and the activity classes on it, without Spring Boot or
 * the engine. The venues are inserted here with V8's NOT NULL columns only (demo venues come from the venue
 * generator, which these tests do not need).
 */
final class ActivityDb implements AutoCloseable {

    /** 活动室 open 08:00–21:00 for 100 people, and a smaller one open 09:00–17:00 for 20. */
    static final String HALL = "T-ACT-HALL";
    static final String ROOM = "T-ACT-ROOM";

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final ActivityService activities;
    final ActivityFigures figures;
    /** The SMS outbox the service queues into (on the same database); nothing is delivered in these tests. */
    final SmsOutbox sms;
    private final TestClock clock = new TestClock();
    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    private ActivityDb(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        sms = new SmsOutbox(JdbcClient.create(dataSource), (phone, text) -> { }, 3, clock);
        activities = new ActivityService(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource),
                clock, new RequestBodies(new ObjectMapper(), validation.getValidator()), sms);
        figures = new ActivityFigures(JdbcClient.create(dataSource));
        insertVenues(jdbc);
    }

    static ActivityDb h2() {
        return new ActivityDb(new DriverManagerDataSource("jdbc:h2:mem:activity-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    static ActivityDb on(DataSource dataSource) {
        return new ActivityDb(dataSource);
    }

    /** Inserts the test venues unless they are there (the shared Spring context keeps its database). */
    static void insertVenues(JdbcTemplate jdbc) {
        venue(jdbc, HALL, "测试党群服务中心活动室", "08:00:00", "21:00:00", 100);
        venue(jdbc, ROOM, "测试楼栋善治角", "09:00:00", "17:00:00", 20);
    }

    private static void venue(JdbcTemplate jdbc, String code, String name, String opens, String closes, int capacity) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM venue WHERE code = ?", Integer.class, code) == 0) {
            jdbc.update("INSERT INTO venue (code, name, level, functions, address, lat, lon, opens, closes, capacity,"
                            + " needs_approval, manager_group) VALUES (?, ?, 3, 'activity', '测试路 1 号', 37.65, 120.33,"
                            + " CAST(? AS TIME), CAST(? AS TIME), ?, FALSE, 'city-center')",
                    code, name, opens, closes, capacity);
        }
    }

    /** Sets the service's clock to this Beijing time. */
    void at(LocalDateTime now) {
        clock.now = now.atZone(WorkingCalendar.ZONE).toInstant();
    }

    /** Publishes as the secretary of community A. */
    Activity publish(String title, String venue, LocalDateTime starts, LocalDateTime ends, int capacity) {
        return activities.publish(List.of("community-secretary", "community:C-DL-01"), "secretary",
                new ActivityService.NewActivity(title, null, venue, null, starts, ends, capacity));
    }

    /** Messages queued for a sign-up code: kind, phone, text. */
    List<List<String>> sms(String signupCode) {
        return jdbc.query("SELECT kind, phone, body FROM sms_outbox WHERE business_key = ? ORDER BY id",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), signupCode);
    }

    @Override
    public void close() {
        validation.close();
        if (dataSource instanceof DriverManagerDataSource d && d.getUrl().startsWith("jdbc:h2:")) {
            jdbc.execute("SHUTDOWN");
        }
    }

    /** The clock the service is built with, standing where {@link #at} put it (the services' threads read it). */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return WorkingCalendar.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
