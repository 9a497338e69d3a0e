package cn.lianban.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.CaseEventRecorded;
import cn.lianban.common.EngineClock;
import cn.lianban.support.MigratedDb;
import cn.lianban.support.Postgres;

/**
 * The monthly counts equal the SQL over the raw events, both when kept event by event (as CaseLog publishes
 * them) and when recounted from case_event, on H2 and PostgreSQL: tickets across a month's end, due in the next
 * month, returned, imposed, closed twice, reopened, and a closure before the due row was written.
 */
class TicketRateRollupTest {

    private static final YearMonth FIRST = YearMonth.of(2025, 2);
    private static final YearMonth LAST = YearMonth.of(2025, 5);

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void onH2() throws SQLException {
        try (MigratedDb db = MigratedDb.h2WithoutDirectory()) {
            sameAsTheRawEvents(db.dataSource);
        }
    }

    @Test
    void onPostgres() throws SQLException {
        sameAsTheRawEvents(postgres.newDatabase("rollup"));
    }

    private static void sameAsTheRawEvents(DataSource dataSource) throws SQLException {
        MigratedDb.on(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TicketRateRollup rollup = new TicketRateRollup(jdbc, dataSource);
        Steps s = new Steps(jdbc, rollup);
        // A: urban in C-DL-01, dispatched on the last evening of February (Beijing), accepted in March, due in
        // April, closed with 5 and closed again (counts once)
        s.step("TK-2025-000201", "2025-02-28T23:30", "DISPATCHED", "urban", "C-DL-01", null, null, "2025-03-01T12:00");
        s.step("TK-2025-000201", "2025-03-01T00:30", "ACCEPTED", "urban", "C-DL-01", true, null, "2025-04-02T18:00");
        s.step("TK-2025-000201", "2025-04-01T10:00", "RESOLVED", "urban", "C-DL-01", true, null, null);
        s.step("TK-2025-000201", "2025-04-03T10:00", "CLOSED", "urban", "C-DL-01", null, 5, null);
        s.step("TK-2025-000201", "2025-04-03T10:05", "CLOSED", "urban", "C-DL-01", null, 5, null);
        // B: returned twice, imposed on housing in C-XJ-01, overdue, reopened, closed with 2
        s.step("TK-2025-000202", "2025-03-10T09:00", "DISPATCHED", "urban", "C-XJ-01", null, null, null);
        s.step("TK-2025-000202", "2025-03-10T10:00", "RETURNED", "urban", "C-XJ-01", null, null, null);
        s.step("TK-2025-000202", "2025-03-11T09:00", "DISPATCHED", "water", "C-XJ-01", null, null, null);
        s.step("TK-2025-000202", "2025-03-11T10:00", "RETURNED", "water", "C-XJ-01", null, null, null);
        s.step("TK-2025-000202", "2025-03-12T09:00", "IMPOSED", "housing", "C-XJ-01", null, null, "2025-03-20T18:00");
        s.step("TK-2025-000202", "2025-03-21T09:00", "OVERDUE", "housing", "C-XJ-01", null, null, null);
        s.step("TK-2025-000202", "2025-03-22T09:00", "RESOLVED", "housing", "C-XJ-01", false, null, null);
        s.step("TK-2025-000202", "2025-03-23T09:00", "REOPENED", "housing", "C-XJ-01", null, 0, null);
        s.step("TK-2025-000202", "2025-03-25T09:00", "RESOLVED", "housing", "C-XJ-01", false, null, null);
        s.step("TK-2025-000202", "2025-03-26T09:00", "CLOSED", "housing", "C-XJ-01", null, 2, null);
        // C: accepted late, due in May, never closed; a raising event without a department
        s.step("TK-2025-000203", "2025-04-29T09:00", "RAISED", null, "C-DL-01", null, null, null);
        s.step("TK-2025-000203", "2025-04-30T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        s.step("TK-2025-000203", "2025-05-02T09:00", "ACCEPTED", "urban", "C-DL-01", false, null, "2025-05-10T18:00");
        // D: a closure appended before the due row (a data repair): the due row then counts as solved at once
        s.step("TK-2025-000204", "2025-03-03T09:00", "CLOSED", "urban", "C-DL-01", null, 4, null);
        s.step("TK-2025-000204", "2025-03-03T09:05", "ACCEPTED", "urban", "C-DL-01", true, null, "2025-03-05T18:00");
        // a joint-handling case's events never count
        s.step("JH-2025-000201", "2025-03-03T09:00", "CLOSED", "urban", "C-DL-01", null, 5, null);

        assertSameAsRaw(jdbc, rollup, "kept event by event");
        assertThat(rollup.month(TicketRates.By.DEPT, YearMonth.of(2025, 4)).get("urban").solved()).isEqualTo(1);
        rollup.rebuild();
        assertSameAsRaw(jdbc, rollup, "recounted");

        // three years later, mid-April: February and March are past keeping, April's later events are not
        new TicketRateMonthCleanup(jdbc, Duration.ofDays(1095)).cleanUp(Steps.instant("2028-04-15T12:00"));
        assertThat(rollup.month(TicketRates.By.DEPT, YearMonth.of(2025, 3))).isEmpty();
        assertThat(rollup.month(TicketRates.By.DEPT, YearMonth.of(2025, 4))).containsKey("urban");
    }

    private static void assertSameAsRaw(JdbcClient jdbc, TicketRateRollup rollup, String how) {
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            for (TicketRates.By by : TicketRates.By.values()) {
                Timestamp to = TicketRates.start(m.plusMonths(1));
                Map<String, TicketRates.Counts> raw = TicketRates.fromEvents(jdbc, by, TicketRates.start(m), to, to);
                assertThat(rollup.month(by, m)).as(how + " " + m + " " + by).isEqualTo(raw);
            }
        }
    }

    /** Writes an event as CaseLog does: the row, then the event it publishes. */
    private record Steps(JdbcClient jdbc, TicketRateRollup rollup) {

        void step(String key, String at, String action, String dept, String community, Boolean onTime,
                  Integer score, String dueAt) {
            String street = community == null ? null : community.startsWith("C-DL") ? "S-DL" : "S-XJ";
            Instant occurred = instant(at);
            Instant due = dueAt == null ? null : instant(dueAt);
            jdbc.sql("INSERT INTO case_event(business_key, occurred_at, actor, action, dept_code, community_code, "
                            + "street_code, on_time, score, due_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                    .params(key, Timestamp.from(occurred), "test", action, dept, community, street, onTime, score,
                            due == null ? null : Timestamp.from(due)).update();
            rollup.recorded(new CaseEventRecorded(key, occurred, action, dept, community, street, onTime, score, due));
        }

        private static Instant instant(String shanghai) {
            return LocalDateTime.parse(shanghai).atZone(EngineClock.ZONE).toInstant();
        }
    }
}
