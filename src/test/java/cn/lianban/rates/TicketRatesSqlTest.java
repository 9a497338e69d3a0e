package cn.lianban.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.EngineClock;
import cn.lianban.support.FormerSolvedQuery;
import cn.lianban.support.Postgres;
import cn.lianban.support.MigratedDb;

/**
 * The resolution rate's "solved" count, read with a join over the range of due keys since V14, equals the
 * correlated EXISTS it replaced, on H2 and on PostgreSQL, including the cases the rewrite must get right:
 * a ticket closed twice, CLOSED events outside the due tickets' key range, IMPOSED tickets. (bench/ checks the
 * same on a million tickets.)
 */
class TicketRatesSqlTest {

    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void onH2() {
        try (MigratedDb db = MigratedDb.h2WithoutDirectory()) {
            sameAsTheCorrelatedExists(db.jdbc);
        }
    }

    @Test
    void onPostgres() {
        sameAsTheCorrelatedExists(MigratedDb.on(postgres.database()).jdbc);
    }

    private static void sameAsTheCorrelatedExists(JdbcTemplate jdbc) {
        // due in March and closed: urban 1, housing 1
        event(jdbc, "TK-2025-000101", "ACCEPTED", "urban", "C-DL-01", "2025-03-05T18:00");
        event(jdbc, "TK-2025-000101", "CLOSED", "urban", "C-DL-01", null);
        event(jdbc, "TK-2025-000102", "IMPOSED", "housing", "C-XJ-01", "2025-03-20T18:00");
        event(jdbc, "TK-2025-000102", "CLOSED", "housing", "C-XJ-01", null);
        // due in March, closed twice (counts once), and due but never closed
        event(jdbc, "TK-2025-000103", "ACCEPTED", "urban", "C-DL-01", "2025-03-10T18:00");
        event(jdbc, "TK-2025-000103", "CLOSED", "urban", "C-DL-01", null);
        event(jdbc, "TK-2025-000103", "CLOSED", "urban", "C-DL-01", null);
        event(jdbc, "TK-2025-000104", "ACCEPTED", "urban", "C-DL-01", "2025-03-31T23:00");
        // closed tickets outside March's due keys, below and above the range, and a case with the same number
        event(jdbc, "TK-2025-000100", "ACCEPTED", "urban", "C-DL-01", "2025-02-27T18:00");
        event(jdbc, "TK-2025-000100", "CLOSED", "urban", "C-DL-01", null);
        event(jdbc, "TK-2025-000105", "ACCEPTED", "urban", "C-DL-01", "2025-04-02T18:00");
        event(jdbc, "TK-2025-000105", "CLOSED", "urban", "C-DL-01", null);
        event(jdbc, "JH-2025-000103", "CLOSED", null, null, null);

        TicketRateRollup rollup = TicketRateRollupTest.rollup(jdbc.getDataSource(), Duration.ZERO);
        TicketRates rates = new TicketRates(JdbcClient.create(jdbc), Clock.system(EngineClock.ZONE), rollup);
        // read from the events alone, then from the rollup they were folded into
        for (boolean folded : new boolean[]{false, true}) {
            if (folded) {
                rollup.refresh();
            }
            for (TicketRates.By by : TicketRates.By.values()) {
                assertThat(FormerSolvedQuery.current(rates, MARCH, by)).as(by.name() + (folded ? ", folded" : ""))
                        .isEqualTo(FormerSolvedQuery.dueAndSolved(jdbc, by, ts("2025-03-01T00:00"),
                                ts("2025-04-01T00:00"), Timestamp.from(EngineClock.now().toInstant())));
            }
            assertThat(rates.rates(MARCH, TicketRates.By.DEPT)).extracting(r -> r.key() + " " + r.due() + "/" + r.solved())
                    .containsExactlyInAnyOrder("housing 1/1", "urban 3/2");
        }
    }

    private static void event(JdbcTemplate jdbc, String key, String action, String dept, String community,
                              String dueAt) {
        String street = community == null ? null : community.startsWith("C-DL") ? "S-DL" : "S-XJ";
        jdbc.update("INSERT INTO case_event(business_key, occurred_at, actor, action, dept_code, community_code, "
                        + "street_code, due_at) VALUES (?,?,?,?,?,?,?,?)", key, ts("2025-03-01T09:00"), "test", action,
                dept, community, street, dueAt == null ? null : ts(dueAt));
    }

    private static Timestamp ts(String shanghai) {
        return Timestamp.from(LocalDateTime.parse(shanghai).atZone(EngineClock.ZONE).toInstant());
    }
}
