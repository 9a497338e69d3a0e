package cn.lianban.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The 三率 against a hand-made month of ticket events (July 2025, which no other test touches).
 * Expected values are worked out by hand in the comments.
 */
@LianbanTest
class TicketRatesTest {

    private static final YearMonth JULY = YearMonth.of(2025, 7);

    @Autowired
    TicketRates rates;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IssueDriver driver;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void handMadeMonth() {
        driver.clockAt(LocalDateTime.of(2025, 8, 10, 12, 0));
        jdbc.update("DELETE FROM case_event WHERE business_key LIKE 'TK-2025-9%' OR business_key = 'JH-2025-900001'");
        // A: urban, accepted on time, due 7 Jul, closed with 5
        event("TK-2025-900001", "2025-07-01T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        event("TK-2025-900001", "2025-07-01T15:00", "ACCEPTED", "urban", "C-DL-01", true, null, "2025-07-07T18:00");
        event("TK-2025-900001", "2025-07-08T10:00", "CLOSED", "urban", "C-DL-01", null, 5, null);
        // B: urban, returned with a reason (not counted against the response rate)
        event("TK-2025-900002", "2025-07-02T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        event("TK-2025-900002", "2025-07-02T11:00", "RETURNED", "urban", "C-DL-01", null, null, null);
        // C: urban, accepted late, due 18 Jul, never closed
        event("TK-2025-900003", "2025-07-10T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        event("TK-2025-900003", "2025-07-12T09:00", "ACCEPTED", "urban", "C-DL-01", false, null, "2025-07-18T18:00");
        // D: urban, accepted on time, but due in August: not yet part of July's resolution rate
        event("TK-2025-900004", "2025-07-28T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        event("TK-2025-900004", "2025-07-28T10:00", "ACCEPTED", "urban", "C-DL-01", true, null, "2025-08-05T18:00");
        // E: urban, dispatched and accepted in June, due 1 Jul, closed in July with 3
        event("TK-2025-900005", "2025-06-25T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        event("TK-2025-900005", "2025-06-25T10:00", "ACCEPTED", "urban", "C-DL-01", true, null, "2025-07-01T18:00");
        event("TK-2025-900005", "2025-07-03T10:00", "CLOSED", "urban", "C-DL-01", null, 3, null);
        // F: housing in community B, everything on time, rated 4
        event("TK-2025-900006", "2025-07-05T09:00", "DISPATCHED", "housing", "C-XJ-01", null, null, null);
        event("TK-2025-900006", "2025-07-05T10:00", "ACCEPTED", "housing", "C-XJ-01", true, null, "2025-07-10T18:00");
        event("TK-2025-900006", "2025-07-11T10:00", "CLOSED", "housing", "C-XJ-01", null, 4, null);
        // G: urban, accepted, due 15 Jul, raised by the street into a joint-handling case on 22 Jul: neither solved
        // nor lost, so not due; counted as raised (issue #13)
        event("TK-2025-900008", "2025-07-06T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
        event("TK-2025-900008", "2025-07-06T10:00", "ACCEPTED", "urban", "C-DL-01", true, null, "2025-07-15T18:00");
        event("TK-2025-900008", "2025-07-22T10:00", "RAISED_TO_CASE", "urban", "C-DL-01", null, null, null);
        // noise that must not count: an issue's closure and a ticket event of August
        event("JH-2025-900001", "2025-07-09T10:00", "CLOSED", "urban", "C-DL-01", null, 1, null);
        event("TK-2025-900007", "2025-08-01T09:00", "DISPATCHED", "urban", "C-DL-01", null, null, null);
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void perDepartment() {
        List<TicketRates.Rate> july = rates.rates(JULY, TicketRates.By.DEPT);
        // housing: 1/1, 1/1, 1/1 → ranked first
        assertThat(july.get(0).key()).isEqualTo("housing");
        assertThat(july.get(0).name()).isEqualTo("住房和城乡建设局");
        TicketRates.Rate urban = july.stream().filter(r -> r.key().equals("urban")).findFirst().orElseThrow();
        // dispatched in July: A, B, C, D, G = 5; returned: B = 1; accepted on time in July: A, D, G = 3 → 3/4
        assertThat(urban.dispatched()).isEqualTo(5);
        assertThat(urban.returned()).isEqualTo(1);
        assertThat(urban.acceptedOnTime()).isEqualTo(3);
        assertThat(urban.acceptanceRate()).isCloseTo(3.0 / 4, within(1e-9));
        // due in July: A (7th), C (18th), E (1st) = 3, not G (raised into a case); solved: A, E = 2 → 2/3
        assertThat(urban.due()).isEqualTo(3);
        assertThat(urban.raised()).isEqualTo(1);
        assertThat(urban.solved()).isEqualTo(2);
        assertThat(urban.resolutionRate()).isCloseTo(2.0 / 3, within(1e-9));
        // rated in July: A (5), E (3) = 2; satisfied (4–5): A = 1 → 1/2
        assertThat(urban.rated()).isEqualTo(2);
        assertThat(urban.satisfied()).isEqualTo(1);
        assertThat(urban.satisfactionRate()).isEqualTo(0.5);
    }

    @Test
    void perCommunityAndStreet() {
        List<TicketRates.Rate> communities = rates.rates(JULY, TicketRates.By.COMMUNITY);
        assertThat(communities).extracting(TicketRates.Rate::key).containsExactly("C-XJ-01", "C-DL-01");
        assertThat(communities.get(1).dispatched()).isEqualTo(5);
        List<TicketRates.Rate> streets = rates.rates(JULY, TicketRates.By.STREET);
        assertThat(streets).extracting(TicketRates.Rate::key).containsExactly("S-XJ", "S-DL");
        assertThat(streets.get(1).due()).isEqualTo(3);
    }

    @Test
    void aMonthWithoutTicketsHasNoRows() {
        assertThat(rates.rates(YearMonth.of(2024, 1), TicketRates.By.DEPT)).isEmpty();
    }

    @Test
    void thePageAndTheJsonAreForStreetOfficesAndTheCityCenter() {
        var json = rest.withBasicAuth("center", "demo").getForEntity("/api/tickets/rates?month=2025-07&by=dept",
                String.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.getBody()).contains("\"key\":\"housing\"").contains("\"acceptanceRate\":1.0");
        var page = rest.withBasicAuth("street", "demo").getForEntity("/tickets/rates?month=2025-07", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("城市管理局").contains("66.7%").contains(">数据接口</a>")
                .doesNotContain(">JSON<");
        // a street office sees only its own street's communities
        var own = rest.withBasicAuth("street", "demo").getForEntity("/api/tickets/rates?month=2025-07&by=community",
                String.class);
        assertThat(own.getBody()).contains("C-DL-01").doesNotContain("C-XJ-01");
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity("/api/tickets/rates", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var bad = rest.withBasicAuth("center", "demo").getForEntity("/api/tickets/rates?month=July", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("\"error\":\"bad_month\"").contains("month");
    }

    private void event(String key, String at, String action, String dept, String community, Boolean onTime,
                       Integer score, String dueAt) {
        String street = community.startsWith("C-DL") ? "S-DL" : "S-XJ";
        jdbc.update("INSERT INTO case_event(business_key, occurred_at, actor, action, dept_code, community_code, "
                        + "street_code, on_time, score, due_at) VALUES (?,?,?,?,?,?,?,?,?,?)", key, ts(at), "test",
                action, dept, community, street, onTime, score, dueAt == null ? null : ts(dueAt));
    }

    private static Timestamp ts(String shanghai) {
        return Timestamp.from(LocalDateTime.parse(shanghai).atZone(EngineClock.ZONE).toInstant());
    }
}
