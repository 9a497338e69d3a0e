package cn.lianban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * The 时效灯 counted per department, community and street, as the clock moves over working days and 劳动节 2026, for a
 * community no other test files in (so the counts are exact): a green case handled by the community, a ticket with
 * 城市管理局 to resolve and one waiting for its 24 hours to accept.
 */
class TimeLightCountsTest extends ProcessTestBase {

    @Autowired
    TimeLightCounts counts;
    @Autowired
    TicketDriver tickets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void eachUnitCountsItsOpenCasesAndTicketsByLight() {
        String community = jdbc.queryForObject("SELECT MIN(code) FROM community WHERE code LIKE 'C-XF-%'",
                String.class);
        String grid = jdbc.queryForObject("SELECT MIN(code) FROM grid WHERE community_code = ?", String.class,
                community);
        driver.clockAt(LocalDateTime.of(2026, 4, 28, 10, 0));
        ProcessInstance issue = driver.file("communityCode", community);
        driver.complete(issue, "rate", "color", "GREEN");
        driver.claim(issue, "handle", "secretary"); // accepted (签收): the light counts to the handling deadline
        ProcessInstance ticket = tickets.raise("communityCode", community, "gridCode", grid);
        driver.complete(ticket, "accept", "accepted", true);
        tickets.raise("communityCode", community, "gridCode", grid);

        // case green, yellow, red; ticket green, yellow, red
        assertCounts(community, List.of(1L, 0L, 0L, 2L, 0L, 0L));
        driver.clockAt(LocalDateTime.of(2026, 5, 5, 12, 0)); // 劳动节: the accepting ticket is late, the rest on track
        assertCounts(community, List.of(1L, 0L, 0L, 1L, 0L, 1L));
        driver.clockAt(LocalDateTime.of(2026, 5, 6, 2, 0)); // a fifth of the 80 working hours left
        assertCounts(community, List.of(0L, 1L, 0L, 0L, 1L, 1L));

        ResponseEntity<String> csv = rest.withBasicAuth("center", "demo").getForEntity(
                "/dashboard/export/lightsCommunity.csv?month=2026-05&community=" + community, String.class);
        String name = jdbc.queryForObject("SELECT name FROM community WHERE code = ?", String.class, community);
        assertThat(csv.getBody()).contains("社区,案件·正常,案件·临期,案件·逾期,工单·正常,工单·临期,工单·逾期\r\n"
                + name + ",0,1,0,0,1,1\r\n");
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/dashboard?community=" + community,
                String.class).getBody()).contains("时效灯（当前在办的联办案件和工单）", "lights-社区", name);

        driver.complete(ticket, "resolve", "result", "已处理");
        driver.clockAt(LocalDateTime.of(2026, 5, 6, 18, 30));
        assertCounts(community, List.of(0L, 0L, 1L, 0L, 0L, 1L));
    }

    /** The community, its street and 城市管理局 (the tickets' department; the case is the community's own) agree. */
    private void assertCounts(String community, List<Long> expected) {
        List<TimeLightCounts.Units> units = counts.units(Set.of(community));
        assertThat(units).extracting(TimeLightCounts.Units::kind).containsExactly("部门", "社区", "街道");
        assertThat(units.get(1).rows()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(community))
                .satisfies(r -> assertThat(row(r)).isEqualTo(expected));
        assertThat(units.get(2).rows()).singleElement().satisfies(r -> assertThat(row(r)).isEqualTo(expected));
        assertThat(units.get(0).rows()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("城市管理局"))
                .satisfies(r -> assertThat(row(r)).isEqualTo(List.of(0L, 0L, 0L, expected.get(3), expected.get(4),
                        expected.get(5))));
    }

    private static List<Long> row(TimeLightCounts.Row r) {
        return List.of(r.caseGreen(), r.caseYellow(), r.caseRed(), r.ticketGreen(), r.ticketYellow(), r.ticketRed());
    }
}
