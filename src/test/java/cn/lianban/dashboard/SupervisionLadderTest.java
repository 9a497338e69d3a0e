package cn.lianban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * The 督办 ladder across 劳动节 2026 (1 May and 4–5 May off, Saturday 9 May worked): a green case and a ticket due
 * Wednesday 6 May 18:00 are reminded Thursday 30 April 09:00 (the working day before), supervised when the limit
 * passes, and on the 通报 list from Tuesday 12 May, their fifth overdue working day (7, 8, 9, 11, 12 May), until done.
 */
class SupervisionLadderTest extends ProcessTestBase {

    private static final LocalDateTime FILED = LocalDateTime.of(2026, 4, 28, 10, 0);
    private static final LocalDateTime FOURTH_OVERDUE_DAY = LocalDateTime.of(2026, 5, 11, 10, 0);
    private static final LocalDateTime FIFTH_OVERDUE_DAY = LocalDateTime.of(2026, 5, 12, 10, 0);

    @Autowired
    TicketDriver tickets;
    @Autowired
    SupervisionList list;
    @Autowired
    SupervisionListing listing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aJointCaseIsRemindedSupervisedAndListedOnWorkingDaysAcrossTheHoliday() {
        driver.clockAt(FILED);
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 5, 6, 18, 0));
        // the working day before Wednesday 6 May is Thursday 30 April, not the holiday Tuesday 5 May
        assertThat(driver.variable(pi, "reminderAt")).isEqualTo(at(2026, 4, 30, 9, 0));

        driver.fireTimer(pi, "dueSoon");
        assertThat(events(pi)).contains("REMINDED");
        assertThat(detail(pi, "REMINDED")).isEqualTo("距办理期限（2026-05-06 18:00）不足一个工作日，已提醒办理单位");

        driver.fireTimer(pi, "overdue");
        assertThat(pi).isWaitingAt("approveEscalation");
        assertThat(events(pi)).containsSubsequence("REMINDED", "OVERDUE", "SUPERVISED");
        // levels 1–2: the community handles and is the level's unit; nobody there is marked lead, so its mailbox and staff
        assertThat(detail(pi, "SUPERVISED")).startsWith("督办：第一级（网格）").endsWith("已通知" + communityA() + "负责人");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("SUPERVISION") && m.contains("c-dl-01@community"));

        driver.clockAt(FOURTH_OVERDUE_DAY);
        assertThat(keys()).doesNotContain(pi.getBusinessKey());
        driver.clockAt(FIFTH_OVERDUE_DAY);
        SupervisionList.Item item = item(pi.getBusinessKey());
        assertThat(item.kind()).isEqualTo("联席汇办");
        assertThat(item.overdueDays()).isEqualTo(5);
        assertThat(item.dueLabel()).isEqualTo("2026-05-06 18:00");
        assertThat(item.statusLabel()).isEqualTo("升级审批");
        listing.record();
        listing.record();
        assertThat(events(pi)).filteredOn("LISTED"::equals).hasSize(1);

        // the area committee keeps the case at its level: a new limit, off the list until that one passes too
        driver.complete(pi, "approveEscalation", "approved", false, "comment", "本级继续办理");
        assertThat(keys()).doesNotContain(pi.getBusinessKey());
        driver.complete(pi, "handle", "result", "已更换灯泡", "resolved", true);
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(keys()).doesNotContain(pi.getBusinessKey());
    }

    @Test
    void aTicketIsSupervisedToTheDepartmentsLeadAndListedUntilResolved() {
        driver.clockAt(FILED);
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        assertThat(driver.variable(pi, "resolveBy")).isEqualTo(at(2026, 5, 6, 18, 0));
        assertThat(driver.variable(pi, "remindAt")).isEqualTo(at(2026, 4, 30, 9, 0));
        ProcessInstance elsewhere = tickets.raise("communityCode", "C-XJ-01", "gridCode", jdbc.queryForObject(
                "SELECT MIN(code) FROM grid WHERE community_code = 'C-XJ-01'", String.class));
        driver.complete(elsewhere, "accept", "accepted", true);

        driver.fireTimer(pi, "resolveReminder");
        assertThat(detail(pi, "REMINDED")).isEqualTo("距办理期限（2026-05-06 18:00）不足一个工作日，已提醒承办部门");
        driver.fireTimer(pi, "resolveOverdue");
        assertThat(events(pi)).containsSubsequence("REMINDED", "OVERDUE", "SUPERVISED");
        assertThat(detail(pi, "SUPERVISED")).isEqualTo("督办：超过办理时限未办结，已通知城市管理局负责人、东莱街道");
        // the department's marked lead, not its desk; and the street desk
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("SUPERVISION") && m.contains("urban-lead@lianban.demo")
                && m.contains("s-dl@street") && !m.contains("urban@dept"));
        java.util.Map<String, Object> mail = jdbc.queryForMap("SELECT subject, body_html FROM mail_outbox "
                + "WHERE business_key = ? AND kind = 'SUPERVISION'", pi.getBusinessKey());
        assertThat((String) mail.get("subject")).contains("督办通知");
        assertThat((String) mail.get("body_html")).contains("请分管负责人督促办理", "城市管理局", "列入月度通报名单");

        driver.clockAt(FOURTH_OVERDUE_DAY);
        assertThat(keys()).doesNotContain(pi.getBusinessKey());
        driver.clockAt(FIFTH_OVERDUE_DAY);
        SupervisionList.Item item = item(pi.getBusinessKey());
        assertThat(item.kind()).isEqualTo("工单");
        assertThat(item.unit()).isEqualTo("城市管理局");
        assertThat(item.streetName()).isEqualTo("东莱街道");
        assertThat(item.overdueDays()).isEqualTo(5);
        listing.record();
        assertThat(detail(pi, "LISTED")).isEqualTo("超过办理期限满5个工作日仍未办结，列入月度督办通报名单，办结后移出");

        // the street sees its own street's items, the center all; the page and the export say the same
        ResponseEntity<String> street = rest.withBasicAuth("street", "demo").getForEntity("/dashboard/supervision",
                String.class);
        assertThat(street.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(street.getBody()).contains("东莱街道 2026年5月督办通报名单", pi.getBusinessKey(), "城市管理局",
                "2026-05-06 18:00").doesNotContain(elsewhere.getBusinessKey());
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/dashboard/supervision", String.class).getBody())
                .contains("全市 2026年5月督办通报名单", pi.getBusinessKey(), elsewhere.getBusinessKey());
        ResponseEntity<String> csv = rest.withBasicAuth("street", "demo").getForEntity("/dashboard/supervision.csv",
                String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("东莱街道 2026年5月督办通报名单.csv");
        assertThat(csv.getBody()).startsWith("\uFEFF类型,编号,事项,街道,社区,责任单位,办理期限,逾期工作日,状态\r\n")
                .contains("工单," + pi.getBusinessKey() + ",占道经营,东莱街道," + communityA() + ",城市管理局,2026-05-06 18:00,5,办理中\r\n")
                .doesNotContain(elsewhere.getBusinessKey());
        for (String other : List.of("committee", "secretary", "urban", "gridworker", "deputy01")) {
            assertThat(rest.withBasicAuth(other, "demo").getForEntity("/dashboard/supervision", String.class)
                    .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.withBasicAuth(other, "demo").getForEntity("/dashboard/supervision.csv", String.class)
                    .getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }

        driver.complete(pi, "resolve", "result", "已劝离摊贩");
        assertThat(keys()).doesNotContain(pi.getBusinessKey()).contains(elsewhere.getBusinessKey());
    }

    @Test
    void theListCountsOverdueWorkingDaysByTheCalendar() {
        // due Wednesday 6 May: Thursday 7 May is the first overdue working day, Saturday 9 May (调休) the third
        assertThat(list.overdueDays(at(2026, 5, 6, 18, 0).toInstant(), LocalDate.of(2026, 5, 7))).isEqualTo(1);
        assertThat(list.overdueDays(at(2026, 5, 6, 18, 0).toInstant(), LocalDate.of(2026, 5, 10))).isEqualTo(3);
        assertThat(list.overdueDays(at(2026, 5, 6, 18, 0).toInstant(), LocalDate.of(2026, 5, 12))).isEqualTo(5);
        // on Tuesday 12 May the list holds the limits that passed before Thursday 7 May began
        assertThat(list.cutoff(LocalDate.of(2026, 5, 12))).isEqualTo(at(2026, 5, 7, 0, 0).toInstant());
        // across the holiday: a limit of Wednesday 29 April is five working days overdue on Saturday 9 May (30 April,
        // 6, 7, 8, 9 May), one of Thursday 30 April only four; Sunday 10 May is no working day and adds none
        assertThat(list.cutoff(LocalDate.of(2026, 5, 9))).isEqualTo(at(2026, 4, 30, 0, 0).toInstant());
        assertThat(list.cutoff(LocalDate.of(2026, 5, 10))).isEqualTo(at(2026, 4, 30, 0, 0).toInstant());
    }

    private String communityA() {
        return jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class);
    }

    private List<String> keys() {
        return list.items(null).stream().map(SupervisionList.Item::caseNo).toList();
    }

    private SupervisionList.Item item(String key) {
        return list.items(null).stream().filter(i -> i.caseNo().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not on the list"));
    }

    private List<String> events(ProcessInstance pi) {
        return driver.events(pi.getBusinessKey());
    }

    private String detail(ProcessInstance pi, String action) {
        return jdbc.queryForObject("SELECT detail FROM case_event WHERE business_key = ? AND action = ? ORDER BY id "
                + "DESC LIMIT 1", String.class, pi.getBusinessKey(), action);
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
