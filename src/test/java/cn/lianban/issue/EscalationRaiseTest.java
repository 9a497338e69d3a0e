package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.ProcessTestBase;

/**
 * Escalation as issue 13 has it: the area committee approves at every level and sees why the request comes; the
 * street hears of every move to levels 4–5; the city center pulls any running case up directly (提级) and nobody
 * else may. Filed on Monday 2026-03-02, 10:00.
 */
class EscalationRaiseTest extends ProcessTestBase {

    private static final String STREET_MAIL = "s-dl@street";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theAreaCommitteeApprovesAtTheStreetsLevelTooSeeingWhyAndTheStreetHearsOfLevelsFourAndFive() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        escalate(pi);
        escalate(pi);
        meet(pi, "urban");
        assertThat(mailsTo(pi, STREET_MAIL)).as("levels 2 and 3 stay below the street").isEmpty();
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain("STREET_INFORMED");

        escalate(pi);
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().containsEntry("level", 4);
        assertThat(mailsTo(pi, STREET_MAIL)).hasSize(1).allMatch(m -> m.startsWith("ESCALATED"));
        assertThat(details(pi, "STREET_INFORMED")).singleElement().asString().contains("事项升至第四级（街道）");
        meet(pi, "housing");

        // at the street's level the request still goes to the area committee, with its reason
        driver.complete(pi, "handle", "result", "需市级统筹资金", "resolved", false);
        assertThat(pi).isWaitingAt("approveEscalation").variables()
                .containsEntry("escalationReasonLabel", "牵头部门报告本级无法解决");
        assertThat(task("approveEscalation")).hasCandidateGroup("area:A-DL-1");
        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意报市级");
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().containsEntry("level", 5);
        assertThat(mailsTo(pi, STREET_MAIL)).hasSize(2);
        assertThat(details(pi, "STREET_INFORMED")).hasSize(2).last().asString().contains("第五级（市级）");
    }

    @Test
    void anExtensionRefusedIsAReasonTheApproverReads() {
        assertThat(EscalationReason.REFUSED_EXTENSION.label()).isEqualTo("延期申请未获批准");
    }

    @Test
    void theCenterPullsAHandledCaseUpWithTheClockRestartedAndTheStreetTold() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(pi).isWaitingAt("handle");
        driver.clockAt(LocalDateTime.of(2026, 3, 3, 15, 0));

        ResponseEntity<Map> raised = raise("center", pi, 4, "涉及多个社区的供水管网，需街道统筹");
        assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(200);
        assertThat(raised.getBody()).containsEntry("level", 4).containsEntry("levelLabel", "第四级（街道）");

        assertThat(pi).isWaitingAt("scheduleMeeting").hasPassed("raiseIssue").isNotWaitingAt("handle").variables()
                .containsEntry("level", 4).containsEntry("escalations", 1L).containsEntry("status", "MEETING")
                .containsEntry("escalationReason", "CENTER_RAISE").containsEntry("timeLight", "GREEN")
                .doesNotContainKeys("raiseLevel", "raiseReason");
        assertThat(task("scheduleMeeting")).hasCandidateGroup("street:S-DL");
        // level 4 allows 7 working days from Tuesday 3 March: Thursday 12 March
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 3, 12, 18, 0));
        assertThat(details(pi, "CENTER_RAISED")).singleElement().asString()
                .isEqualTo("第一级（网格） → 第四级（街道），理由：涉及多个社区的供水管网，需街道统筹");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("CENTER_RAISED", "STREET_INFORMED");
        assertThat(jdbc.queryForObject("SELECT actor FROM case_event WHERE business_key = ? AND action = ?",
                String.class, pi.getBusinessKey(), "CENTER_RAISED")).as("the trail names who raised it").isEqualTo("center");
        assertThat(mailsTo(pi, STREET_MAIL)).anyMatch(m -> m.startsWith("ESCALATED"));
        assertThat(jdbc.queryForObject("SELECT level FROM issue_summary WHERE business_key = ?", Integer.class,
                pi.getBusinessKey())).isEqualTo(4);
    }

    @Test
    void aCaseOnTheRegisterLeavesItWhenTheCenterPullsItUp() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.complete(pi, "handle", "result", "缺资金", "resolved", false);
        driver.complete(pi, "approveEscalation", "approved", false, "comment", "挂账", "shelve", true,
                "shelfCategory", "FUNDS", "shelfReason", "缺资金");
        assertThat(pi).isWaitingAt("shelfReviewDue");

        assertThat(raise("center", pi, 5, "重大民生事项，市级督办").getStatusCode().value()).isEqualTo(200);
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().containsEntry("level", 5)
                .containsEntry("shelfState", "RAISED")
                .containsEntry("statusLabel", "联席会商");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("shelfReviewDue").count())
                .isZero();
        assertThat(jdbc.queryForObject("SELECT outcome FROM issue_shelf WHERE business_key = ?", String.class,
                pi.getBusinessKey())).isEqualTo("RAISED");
    }

    @Test
    void theCasePageOffersTheCenterTheHigherLevelsAndNobodyElse() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "YELLOW", "overrideReason", "跨社区");
        String center = rest.withBasicAuth("center", "demo").getForObject("/cases/" + pi.getBusinessKey(), String.class);
        assertThat(center).contains("市中心提级", "id=\"raiseForm\"", "第四级（街道）", "第五级（市级）", "提级理由")
                .doesNotContain("<option value=\"3\"");
        String committee = rest.withBasicAuth("committee", "demo").getForObject("/cases/" + pi.getBusinessKey(),
                String.class);
        assertThat(committee).contains(pi.getBusinessKey()).doesNotContain("id=\"raiseForm\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"committee", "street", "secretary", "housing"})
    void onlyTheCenterMayPullACaseUp(String user) {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        ResponseEntity<Map> refused = raise(user, pi, 3, "想提级");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).containsEntry("message", "只有市中心可以直接提级");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 1);
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain("CENTER_RAISED");
    }

    @Test
    void aRaiseMustGoHigherAndNeedsAReasonAndARunningRatedCase() {
        ProcessInstance pi = driver.file();
        ResponseEntity<Map> unrated = raise("center", pi, 3, "提级");
        assertThat(unrated.getStatusCode().value()).isEqualTo(409);
        assertThat(unrated.getBody()).containsEntry("message", "事项尚待评级，评级确定办理层级后才能提级");

        driver.complete(pi, "rate", "color", "YELLOW", "overrideReason", "跨社区");
        assertThat(pi).variables().containsEntry("level", 3);
        ResponseEntity<Map> same = raise("center", pi, 3, "提级");
        assertThat(same.getStatusCode().value()).isEqualTo(400);
        assertThat(same.getBody()).containsEntry("error", "bad_level");
        ResponseEntity<Map> noReason = raise("center", pi, 4, " ");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).containsEntry("error", "missing_reason").containsEntry("message", "请填写提级理由");
        assertThat(raise("center", "JH-2026-999999", 4, "提级").getStatusCode().value()).isEqualTo(404);
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().containsEntry("level", 3);
    }

    private ResponseEntity<Map> raise(String user, ProcessInstance pi, int level, String reason) {
        return raise(user, pi.getBusinessKey(), level, reason);
    }

    private ResponseEntity<Map> raise(String user, String businessKey, int level, String reason) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/issues/" + businessKey + "/raise",
                Map.of("level", level, "reason", reason), Map.class);
    }

    private List<String> mailsTo(ProcessInstance pi, String address) {
        return driver.mails(pi).stream().filter(m -> m.startsWith("ESCALATED") && m.contains(address)).toList();
    }

    private List<String> details(ProcessInstance pi, String action) {
        return jdbc.queryForList("SELECT detail FROM case_event WHERE business_key = ? AND action = ? ORDER BY id",
                String.class, pi.getBusinessKey(), action);
    }

    private void escalate(ProcessInstance pi) {
        driver.fireTimer(pi, "overdue");
        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意升级");
    }

    private void meet(ProcessInstance pi, String lead) {
        LocalDate today = EngineClock.now().toLocalDate();
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", lead, "coDepts", List.of(), "deadline", today.plusDays(1).toString(),
                "minutes", "会议纪要");
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
