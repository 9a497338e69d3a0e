package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.common.Conflict;
import cn.lianban.support.Postgres;

/**
 * The double-booking guard on real PostgreSQL 17 (V1..V8 migrated by Flyway, no Spring context): bookers who
 * ask for the same hour at the same instant get exactly one booking between them; the others are told the
 * hour is taken and leave nothing behind.
 */
class BookingRacePostgresTest {

    static final int BOOKERS = 12;
    static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    static VenueDb db;

    @BeforeAll
    static void startPostgres() throws Exception {
        db = new VenueDb(postgres.database());
    }

    @BeforeEach
    void clock() {
        VenueDb.clockAt(LocalDateTime.of(2026, 3, 2, 8, 0));
    }

    @AfterEach
    void resetClock() {
        VenueDb.resetClock();
    }

    @Test
    void bookersOfTheSameHourAtTheSameInstantGetOneBookingBetweenThem() throws Exception {
        assertThat(db.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        Venue venue = db.communityCenter();
        List<Outcome> outcomes = race(i -> new BookingRequest(venue.code(), DAY.atTime(10, 0), DAY.atTime(11, 0),
                "居民" + i, String.format("139%08d", i)));

        assertThat(outcomes).filteredOn(o -> o.booking != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.refusal != null).hasSize(BOOKERS - 1)
                .allSatisfy(o -> assertThat(o.refusal.code()).isEqualTo("slot_taken"));
        assertThat(db.count("SELECT COUNT(*) FROM booking WHERE venue_code = ?", venue.code())).isOne();
        assertThat(db.count("SELECT COUNT(*) FROM booking_slot WHERE venue_code = ?", venue.code())).isOne();

        Booking winner = outcomes.stream().filter(o -> o.booking != null).findFirst().orElseThrow().booking;
        db.bookings.cancel(winner.code(), winner.phone());
        assertThat(db.count("SELECT COUNT(*) FROM booking_slot WHERE venue_code = ?", venue.code())).isZero();
        assertThat(db.bookings.book(new BookingRequest(venue.code(), DAY.atTime(10, 0), DAY.atTime(11, 0), "居民",
                "13900000000")).status()).isEqualTo(BookingStatus.ACTIVE);
    }

    /** Overlapping requests of 1 to 4 hours: the winners' hours never overlap, and only winners leave rows. */
    @Test
    void overlappingRequestsAtTheSameInstantNeverShareAnHour() throws Exception {
        Venue venue = db.communityCenter(1);
        List<Outcome> outcomes = race(i -> new BookingRequest(venue.code(), DAY.atTime(9 + i % 6, 0),
                DAY.atTime(9 + i % 6 + 1 + i % 4, 0), "居民" + i, String.format("139%08d", i)));

        List<Booking> winners = outcomes.stream().filter(o -> o.booking != null).map(o -> o.booking).toList();
        assertThat(winners).isNotEmpty();
        assertThat(winners.stream().flatMap(b -> b.hourStarts().stream())).doesNotHaveDuplicates();
        assertThat(db.count("SELECT COUNT(*) FROM booking WHERE venue_code = ?", venue.code())).isEqualTo(winners.size());
        assertThat(db.count("SELECT COUNT(*) FROM booking_slot WHERE venue_code = ?", venue.code()))
                .isEqualTo(winners.stream().mapToInt(Booking::hours).sum());
        assertThat(outcomes).allMatch(o -> o.booking != null || o.refusal != null);
    }

    /** Runs BOOKERS bookings on as many threads, released together. */
    private static List<Outcome> race(java.util.function.IntFunction<BookingRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BOOKERS);
        CountDownLatch ready = new CountDownLatch(BOOKERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < BOOKERS; i++) {
                BookingRequest r = request.apply(i);
                Callable<Outcome> booker = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome(db.bookings.book(r), null);
                    } catch (Conflict c) {
                        return new Outcome(null, c);
                    }
                };
                futures.add(pool.submit(booker));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(Booking booking, Conflict refusal) {
    }
}
