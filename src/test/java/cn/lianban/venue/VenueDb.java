package cn.lianban.venue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.EngineClock;
import cn.lianban.common.RequestBodies;
import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.Directory;
import cn.lianban.directory.DirectorySnapshot;
import cn.lianban.notify.SmsOutbox;

import jakarta.validation.Validation;

/**
 * A database migrated by Flyway (V1..V8) holding the demo directory and the demo venues, with a
 * {@link BookingService} on it whose approval requests are only recorded: no Spring context, no engine.
 */
final class VenueDb {

    static final long SEED = 20261129L;

    final JdbcTemplate jdbc;
    final VenueRepository venues;
    final BookingService bookings;
    /** Codes of the bookings that asked for approval, and of those withdrawn. */
    final List<String> requested = new ArrayList<>();
    final List<String> withdrawn = new ArrayList<>();
    /** Every text the provider was handed (phone, text), when {@link #deliverSms} runs the outbox. */
    final List<List<String>> smsDelivered = new ArrayList<>();
    final SmsOutbox sms;

    VenueDb(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DirectorySnapshot org = new DemoDirectoryGenerator(SEED).generate();
        new Directory(jdbc).insert(org);
        venues = new VenueRepository(jdbc);
        venues.insert(new DemoVenueGenerator(SEED).generate(org.streets(), org.areas(), org.communities()));
        BookingApprovals recorder = new BookingApprovals() {
            @Override
            public synchronized void request(Booking booking, Venue venue) {
                requested.add(booking.code());
            }

            @Override
            public synchronized void withdraw(Booking booking) {
                withdrawn.add(booking.code());
            }
        };
        sms = new SmsOutbox(JdbcClient.create(jdbc), (phone, text) -> smsDelivered.add(List.of(phone, text)), 3,
                new ClockUtilClock());
        bookings = new BookingService(venues, new BookingRepository(jdbc), recorder,
                new DataSourceTransactionManager(dataSource),
                new RequestBodies(new ObjectMapper(), Validation.buildDefaultValidatorFactory().getValidator()), sms);
    }

    static VenueDb h2() {
        return new VenueDb(new DriverManagerDataSource("jdbc:h2:mem:venue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", ""));
    }

    /** A venue booked without approval, open 08:30–20:00 (a community center). */
    Venue communityCenter() {
        return communityCenter(0);
    }

    Venue communityCenter(int n) {
        return communityCenter(venues, n);
    }

    /** The n-th of the community centers open 08:30–20:00 (booked without approval). */
    static Venue communityCenter(VenueRepository venues, int n) {
        return venues.all().stream().filter(v -> v.level() == Venue.COMMUNITY && !v.needsApproval()
                && v.closes().getHour() == 20).skip(n).findFirst().orElseThrow();
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /** Sets the engine clock, which the booking service reads, to a Beijing time. */
    static void clockAt(LocalDateTime beijing) {
        ClockUtil.setCurrentTime(Date.from(beijing.atZone(EngineClock.ZONE).toInstant()));
    }

    static void resetClock() {
        ClockUtil.reset();
    }

    /** Messages the outbox holds for this booking, oldest first: kind, phone, text. */
    List<List<String>> sms(String bookingCode) {
        return jdbc.query("SELECT kind, phone, body FROM sms_outbox WHERE business_key = ? ORDER BY id",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), bookingCode);
    }

    /** The engine's clock, which ClockUtil moves, as the application's Clock bean is. */
    private static final class ClockUtilClock extends Clock {
        @Override
        public ZoneId getZone() {
            return EngineClock.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
