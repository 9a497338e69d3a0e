package cn.lianban.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.MigratedDb;
import cn.lianban.support.Postgres;

/**
 * The 三率 read from the rollup plus the events after it equal the SQL over the raw events, on H2 and PostgreSQL,
 * for generated tickets across month boundaries: before and after each fold, with tickets closed months after
 * their deadline, with deadlines still ahead of "now", after a fold that was rolled back, with two refreshers at
 * once, and with ids committed out of order.
 */
class TicketRateRollupTest {

    private static final YearMonth FIRST = YearMonth.of(2024, 12);
    private static final YearMonth LAST = YearMonth.of(2025, 7);
    private static final List<Instant> NOWS = List.of(at("2025-02-10T12:00"), at("2025-03-15T12:00"),
            at("2025-05-31T23:00"), at("2026-01-01T00:00"));

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    /** A rollup over the data source as the application builds it (three years of figures, small batches). */
    static TicketRateRollup rollup(DataSource dataSource, Duration settle) {
        try {
            return new TicketRateRollup(dataSource, new DataSourceTransactionManager(dataSource), settle, 700,
                    Duration.ofDays(1095));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void foldsEqualTheRawEventsOnH2() throws Exception {
        try (MigratedDb db = MigratedDb.h2WithoutDirectory()) {
            foldsEqualTheRawEvents(db.dataSource);
        }
    }

    @Test
    void foldsEqualTheRawEventsOnPostgres() throws Exception {
        foldsEqualTheRawEvents(MigratedDb.on(postgres.newDatabase("folds")).dataSource);
    }

    @Test
    void idsCommittedOutOfOrderOnH2() throws Exception {
        // H2 has no view of other transactions: the time the candidate must wait before it is folded protects it
        try (MigratedDb db = MigratedDb.h2WithoutDirectory()) {
            idsCommittedOutOfOrder(db.dataSource, Duration.ofMillis(500));
        }
    }

    @Test
    void idsCommittedOutOfOrderOnPostgres() throws Exception {
        // no waiting time at all: PostgreSQL's snapshot says the transaction holding the lower id is still running
        idsCommittedOutOfOrder(MigratedDb.on(postgres.newDatabase("outoforder")).dataSource, Duration.ZERO);
    }

    @Test
    void manyTicketsClosedAfterTheFoldOnH2() {
        // more than a read names one by one: they are read by a subquery
        try (MigratedDb db = MigratedDb.h2WithoutDirectory()) {
            new Generator(3).tickets(500).forEach(e -> e.insert(db.jdbc));
            assertThat(db.jdbc.queryForObject("SELECT COUNT(DISTINCT business_key) FROM case_event "
                    + "WHERE action = 'CLOSED'", Integer.class)).isGreaterThan(TicketRateRollup.FEW);
            sameAsRaw(db.jdbc, rollup(db.dataSource, Duration.ZERO), "nothing folded");
        }
    }

    @Test
    void monthsAtTheEdgeOfRetentionAreReadRawAndRemoved() {
        try (MigratedDb db = MigratedDb.h2WithoutDirectory()) {
            TicketRateRollup rollup = rollup(db.dataSource, Duration.ZERO);
            new Generator(7).tickets(60).forEach(e -> e.insert(db.jdbc));
            rollup.refresh();
            Instant threeYearsOn = at("2028-03-10T12:00");
            // 1095 days before: 2025-03-11, whose month lost its first days; the month after, its acceptances
            assertThat(rollup.firstCovered(threeYearsOn)).isEqualTo(YearMonth.of(2025, 5));
            assertThat(rollup.covers(YearMonth.of(2025, 4), threeYearsOn)).isFalse();
            assertThat(rollup.covers(YearMonth.of(2025, 5), threeYearsOn)).isTrue();
            assertThat(new TicketRateMonthCleanup(rollup).cleanUp(threeYearsOn)).isPositive();
            assertThat(db.jdbc.queryForObject("SELECT MIN(rate_month) FROM ticket_rate_month", String.class))
                    .isGreaterThanOrEqualTo("2025-05");
            assertThat(new TicketRateMonthCleanup(rollup).cleanUp(threeYearsOn)).isZero();
        }
    }

    private static void foldsEqualTheRawEvents(DataSource dataSource) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TicketRateRollup rollup = rollup(dataSource, Duration.ZERO);
        List<Event> events = new Generator(2025).tickets(400);
        // appended in three parts; within a part the ids do not follow the time (the raw SQL does not care)
        int third = events.size() / 3;
        events.subList(0, third).forEach(e -> e.insert(jdbc));
        sameAsRaw(jdbc, rollup, "before any fold");
        assertThat(rollup.refresh()).isPositive();
        sameAsRaw(jdbc, rollup, "first part folded");
        events.subList(third, 2 * third).forEach(e -> e.insert(jdbc));
        sameAsRaw(jdbc, rollup, "second part after the fold");

        // a fold that fails half-way leaves nothing behind, and the next one folds the same events once
        long before = foldedTo(jdbc);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            assertThat(rollup.refresh()).isPositive();
            status.setRollbackOnly();
        });
        assertThat(foldedTo(jdbc)).isEqualTo(before);
        sameAsRaw(jdbc, rollup, "after a rolled-back fold");
        rollup.refresh();
        sameAsRaw(jdbc, rollup, "second part folded");

        // two refreshers: while one holds the fold row, the other skips its turn instead of folding again
        events.subList(2 * third, events.size()).forEach(e -> e.insert(jdbc));
        CountDownLatch folding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
                    long ids = rollup.refresh();
                    folding.countDown();
                    await(release);
                    return ids;
                }));
        assertThat(folding.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rollup.refresh()).as("the second refresher, while the first holds the lock").isZero();
        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isPositive();
        sameAsRaw(jdbc, rollup, "third part folded by one of two refreshers");

        // and two at once, racing for the lock over new events, many times
        for (int round = 0; round < 5; round++) {
            new Generator(round).tickets(20).forEach(e -> e.insert(jdbc));
            CompletableFuture<Long> a = CompletableFuture.supplyAsync(rollup::refresh);
            CompletableFuture<Long> b = CompletableFuture.supplyAsync(rollup::refresh);
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
            sameAsRaw(jdbc, rollup, "racing refreshers, round " + round);
        }
        rollup.refresh();
        assertThat(foldedTo(jdbc)).isEqualTo(jdbc.queryForObject("SELECT MAX(id) FROM case_event", Long.class));
        sameAsRaw(jdbc, rollup, "everything folded");
    }

    private static void idsCommittedOutOfOrder(DataSource dataSource, Duration settle) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TicketRateRollup rollup = rollup(dataSource, settle);
        new Generator(11).tickets(30).forEach(e -> e.insert(jdbc));
        rollup.refresh();
        Thread.sleep(settle.toMillis() + 100);
        rollup.refresh();
        assertThat(foldedTo(jdbc)).isEqualTo(jdbc.queryForObject("SELECT MAX(id) FROM case_event", Long.class));
        // a transaction takes the next id and stays open while a later id commits
        Event late = new Event("TK-2025-777777", "CLOSED", at("2025-03-02T10:00"), "urban", "C-DL-01", "S-DL", null, 5,
                null);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() ->
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
                    late.insert(jdbc);
                    inserted.countDown();
                    await(commit);
                }));
        assertThat(inserted.await(60, TimeUnit.SECONDS)).isTrue();
        new Event("TK-2025-777777", "ACCEPTED", at("2025-02-27T10:00"), "urban", "C-DL-01", "S-DL", true, null,
                at("2025-03-01T18:00")).insert(jdbc);
        rollup.refresh();
        long folded = foldedTo(jdbc);
        Long committedLater = jdbc.queryForObject("SELECT MAX(id) FROM case_event", Long.class);
        assertThat(folded).as("not folded past the id still being written").isLessThan(committedLater);
        commit.countDown();
        open.get(60, TimeUnit.SECONDS);
        Thread.sleep(settle.toMillis() + 100);
        rollup.refresh();
        assertThat(foldedTo(jdbc)).isEqualTo(committedLater);
        sameAsRaw(jdbc, rollup, "the late commit folded");
    }

    private static long foldedTo(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT folded_to FROM ticket_rate_fold", Long.class);
    }

    /** Every month and grouping, at several moments: the rollup's reading equals the raw SQL's. */
    private static void sameAsRaw(JdbcTemplate jdbc, TicketRateRollup rollup, String when) {
        JdbcClient client = JdbcClient.create(jdbc);
        for (Instant now : NOWS) {
            for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                for (TicketRates.By by : TicketRates.By.values()) {
                    assertThat(rollup.counts(m, by, now)).as("%s: %s by %s at %s", when, m, by, now)
                            .isEqualTo(TicketRates.raw(client, m, by, now));
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant at(String beijing) {
        return LocalDateTime.parse(beijing).atZone(EngineClock.ZONE).toInstant();
    }

    /** One row of case_event with the columns the ticket delegates fill. */
    record Event(String key, String action, Instant at, String dept, String community, String street, Boolean onTime,
                 Integer score, Instant dueAt) {

        void insert(JdbcTemplate jdbc) {
            jdbc.update("INSERT INTO case_event(business_key, occurred_at, actor, action, dept_code, community_code, "
                            + "street_code, on_time, score, due_at) VALUES (?,?,?,?,?,?,?,?,?,?)", key,
                    Timestamp.from(at), "test", action, dept, community, street, onTime, score,
                    dueAt == null ? null : Timestamp.from(dueAt));
        }
    }

    /**
     * Tickets raised from December 2024 to April 2025: dispatched, some returned and imposed, accepted on time
     * or late with deadlines 3 to 25 days on (many in the next month), resolved, and closed before or long
     * after the deadline, some twice, some never (some of those raised into a joint-handling case); some without a
     * community. Events come roughly in time order.
     */
    static final class Generator {
        private final Random random;
        private int number;

        Generator(long seed) {
            random = new Random(seed);
            number = (int) (seed % 50) * 1000;
        }

        List<Event> tickets(int count) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ticket(events);
            }
            // roughly in time: sorted by hour buckets shuffled within, so ids and times disagree a little
            // (each event's bucket drawn once: a comparator drawing anew at each comparison breaks the sort's contract)
            Map<Event, Long> bucket = new IdentityHashMap<>();
            events.forEach(e -> bucket.put(e, e.at().getEpochSecond() / 86_400 + random.nextInt(3)));
            events.sort(Comparator.comparing(bucket::get));
            return events;
        }

        private void ticket(List<Event> events) {
            String key = String.format("TK-2025-%06d", ++number);
            String dept = List.of("urban", "housing", "water").get(random.nextInt(3));
            String community = random.nextInt(10) == 0 ? null
                    : List.of("C-DL-01", "C-DL-02", "C-XJ-01").get(random.nextInt(3));
            String street = community == null ? "S-DL" : community.startsWith("C-DL") ? "S-DL" : "S-XJ";
            Instant raised = at("2024-12-01T08:00").plus(Duration.ofMinutes(random.nextInt(150 * 24 * 60)));
            events.add(new Event(key, "RAISED", raised, null, community, street, null, null, null));
            events.add(new Event(key, "DISPATCHED", raised.plusSeconds(600), dept, community, street, null, null,
                    null));
            Instant accepted;
            Instant due;
            if (random.nextInt(10) == 0) {
                events.add(new Event(key, "RETURNED", raised.plusSeconds(3600), dept, community, street, null, null,
                        null));
                accepted = raised.plus(Duration.ofDays(2));
                due = accepted.plus(Duration.ofDays(3 + random.nextInt(23)));
                events.add(new Event(key, "IMPOSED", accepted, dept, community, street, null, null, due));
            } else {
                int hours = 1 + random.nextInt(30);
                accepted = raised.plus(Duration.ofHours(hours));
                due = accepted.plus(Duration.ofDays(3 + random.nextInt(23)));
                events.add(new Event(key, "ACCEPTED", accepted, dept, community, street, hours <= 24, null, due));
            }
            Instant resolved = accepted.plus(Duration.ofHours(2 + random.nextInt(30 * 24)));
            events.add(new Event(key, "RESOLVED", resolved, dept, community, street, !resolved.isAfter(due), null,
                    null));
            int fate = random.nextInt(10);
            if (fate < 7) {
                // closed some days after resolving: before the deadline or after it, even months later
                Instant closed = resolved.plus(Duration.ofHours(1 + random.nextInt(fate < 2 ? 90 * 24 : 72)));
                if (fate % 2 == 1) {
                    // rated by the resident through the link, written with the CLOSED entry (issue #14)
                    events.add(new Event(key, "RESIDENT_RATED", closed, dept, community, street, null, null, null));
                }
                events.add(new Event(key, "CLOSED", closed, dept, community, street, null, 1 + random.nextInt(5),
                        null));
                if (fate == 0) {
                    events.add(new Event(key, "CLOSED", closed.plusSeconds(60), dept, community, street, null, 4,
                            null));
                }
            }
            if (fate == 9) {
                // never closed: the street raised it into a joint-handling case a week after the deadline, often
                // in a later month than the deadline (issue #13)
                events.add(new Event(key, "RAISED_TO_CASE", due.plus(Duration.ofDays(7)), dept, community, street,
                        null, null, null));
            }
        }
    }
}
