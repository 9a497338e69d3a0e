package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.support.ProcessTestBase;

/**
 * Issue 13, points 2 and 3: the handler accepts (签收) within the colour's hours or the level's unit supervises (督办:
 * 催办 or 改派); the lead may ask once for an extension (延期), which the approver grants (timers move) or refuses.
 * November 2026 has no holidays: Mondays 2, 9, 16, 23 and 30.
 */
class AcceptanceAndExtensionProcessTest extends ProcessTestBase {

    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    // ------------------------------------------------------------------ acceptance (签收)

    @Test
    void theCommunityAcceptsInTimeAndTheCardCountsDownToTheHandlingDeadlineAgain() {
        driver.clockAt(LocalDateTime.of(2026, 11, 2, 10, 0));
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");

        // GREEN accepts within 24 hours (time_limit); the card and the light show that deadline meanwhile
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("acceptPending", true)
                .containsEntry("acceptBy", at(2026, 11, 3, 10, 0)).containsEntry("dueLabel", "2026-11-03 10:00")
                .containsEntry("acceptanceLabel", "待签收（2026-11-03 10:00 前）").containsEntry("timeLight", "GREEN")
                .containsEntry("supervisorGroup", "area:A-DL-1");
        assertThat(timer(pi, "acceptDeadline").getDuedate()).isEqualTo(at(2026, 11, 3, 10, 0));

        driver.clockAt(LocalDateTime.of(2026, 11, 2, 11, 30));
        driver.claim(pi, "handle", "secretary");
        // 3 working days for GREEN: Thursday 5 November, 18:00
        assertThat(pi).variables().containsEntry("acceptPending", false).containsEntry("acceptanceLabel", "已签收")
                .containsEntry("dueLabel", "2026-11-05 18:00").containsEntry("leadAcceptedAt", at(2026, 11, 2, 11, 30));
        assertThat(jdbc.queryForMap("SELECT detail, on_time, due_at FROM case_event WHERE business_key = ? "
                + "AND action = 'LEAD_ACCEPTED'", pi.getBusinessKey())).containsEntry("on_time", true)
                .containsEntry("detail", driver.variable(pi, "communityName") + " 按时签收，用时 1 小时 30 分");

        // the acceptance timer of an accepted case finds nothing to supervise
        driver.fireTimer(pi, "acceptDeadline");
        assertThat(pi).isWaitingAt("handle").isNotWaitingAt("supervise");
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain(SuperviseAcceptance.ACTION);

        driver.complete(pi, "handle", "result", "已修复", "resolved", true);
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("ASSIGNED", "LEAD_ACCEPTED", "HANDLED");
    }

    @Test
    void aRedCaseIsAcceptedWithinTwoHoursAndALateAcceptanceIsCountedAsLate() {
        driver.clockAt(LocalDateTime.of(2026, 11, 2, 10, 0));
        ProcessInstance pi = driver.file("category", "SAFETY", "safetyRisk", true, "households", 120L);
        driver.complete(pi, "rate", "color", "RED");
        meet(pi, "emergency", "2026-11-06");
        assertThat(pi).variables().containsEntry("acceptBy", at(2026, 11, 2, 12, 0))
                .containsEntry("supervisorGroup", "city-center");

        driver.clockAt(LocalDateTime.of(2026, 11, 2, 12, 30));
        // completing unclaimed is accepting too
        driver.complete(pi, "handle", "result", "已排除险情", "resolved", true);
        assertThat(jdbc.queryForObject("SELECT on_time FROM case_event WHERE business_key = ? "
                + "AND action = 'LEAD_ACCEPTED'", Boolean.class, pi.getBusinessKey())).isFalse();
        assertThat(details(pi, "LEAD_ACCEPTED")).singleElement().asString().contains("超时签收（时限 2026-11-02 12:00）");
    }

    @Test
    void aLateAcceptanceGoesToTheLevelsUnitWhichUrgesAndTheCaseEndsSupervisionOnceAccepted() {
        driver.clockAt(LocalDateTime.of(2026, 11, 9, 10, 0));
        ProcessInstance pi = yellowCaseInHandling("housing", "2026-11-13");
        assertThat(task("handle")).hasCandidateGroup("dept:housing");

        driver.fireTimer(pi, "acceptDeadline");
        assertThat(pi).isWaitingAt("handle", "supervise").variables().containsEntry("timeLight", "RED")
                .containsEntry("acceptSupervisions", 1L);
        assertThat(task("supervise")).hasCandidateGroup("area:A-DL-1");
        assertThat(details(pi, SuperviseAcceptance.ACTION)).singleElement().asString()
                .contains("住房和城乡建设局未在签收时限（2026-11-10 10:00）内签收").contains("联合党委督办");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("ACCEPT_OVERDUE") && m.contains("housing@dept"));

        assertThatThrownBy(() -> driver.complete(pi, "supervise", "supervision", "URGE"))
                .hasMessageContaining("请填写督办意见");
        driver.complete(pi, "supervise", "supervision", "URGE", "supervisionComment", "请今日签收");
        // a new acceptance limit of 24 hours from now, watched again
        assertThat(pi).isWaitingAt("handle", "awaitAcceptance").variables()
                .containsEntry("acceptBy", at(2026, 11, 11, 10, 0)).containsEntry("dueLabel", "2026-11-11 10:00")
                .doesNotContainKey("supervision");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("URGED") && m.contains("housing@dept"));

        driver.claim(pi, "handle", "housing");
        assertThat(pi).isWaitingAt("handle").isNotWaitingAt("awaitAcceptance").hasPassed("acceptedAfterUrging");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("acceptDeadlineAgain").count())
                .isZero();
        // handling runs to its own deadline again
        assertThat(pi).variables().containsEntry("dueLabel", "2026-11-13 18:00");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("MEETING", SuperviseAcceptance.ACTION,
                ApplySupervision.URGED, LeadAccepted.ACTION);
    }

    @Test
    void theSupervisorReassignsTheLeadAndSupervisesAgainUntilTheNewLeadAccepts() {
        driver.clockAt(LocalDateTime.of(2026, 11, 16, 10, 0));
        ProcessInstance pi = yellowCaseInHandling("housing", "2026-11-20");
        driver.fireTimer(pi, "acceptDeadline");

        assertThatThrownBy(() -> driver.complete(pi, "supervise", "supervision", "REASSIGN", "newLeadDept", "housing",
                "supervisionComment", "改派")).hasMessageContaining("不能是原牵头部门");
        driver.complete(pi, "supervise", "supervision", "REASSIGN", "newLeadDept", "urban", "supervisionComment",
                "住建局未签收，改由城管局牵头");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task("handle").getId()))
                .extracting(IdentityLink::getGroupId).containsExactly("dept:urban");
        assertThat(pi).variables().containsEntry("leadDept", "urban").containsEntry("leadDeptName", "城市管理局")
                .containsEntry("handleGroup", "dept:urban");
        assertThat(details(pi, ApplySupervision.REASSIGNED)).singleElement().asString()
                .contains("牵头部门由 住房和城乡建设局 改派为 城市管理局");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("ASSIGNED") && m.contains("urban@dept"));

        // still not accepted by the new limit: supervised again; the new lead accepts while the supervisor decides
        driver.fireTimer(pi, "acceptDeadlineAgain");
        assertThat(pi).isWaitingAt("handle", "supervise").variables().containsEntry("acceptSupervisions", 2L);
        driver.claim(pi, "handle", "urban");
        assertThat(pi).isWaitingAt("handle").isNotWaitingAt("supervise").hasPassed("supervisionMoot");
        assertThat(jdbc.queryForObject("SELECT dept_code FROM case_event WHERE business_key = ? "
                + "AND action = 'LEAD_ACCEPTED'", String.class, pi.getBusinessKey())).isEqualTo("urban");
    }

    @Test
    void atLevelsOneAndTwoTheSupervisorMayOnlyUrgeAndTheTimeLimitEndsTheWatch() {
        driver.clockAt(LocalDateTime.of(2026, 11, 23, 10, 0));
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.fireTimer(pi, "acceptDeadline");
        assertThatThrownBy(() -> driver.complete(pi, "supervise", "supervision", "REASSIGN", "newLeadDept", "urban",
                "supervisionComment", "改派")).hasMessageContaining("第一、二级事项由社区办理，不能改派牵头部门");

        // the handling time limit ends handling unaccepted: the supervision ends with it
        driver.fireTimer(pi, "overdue");
        assertThat(pi).isWaitingAt("approveEscalation").isNotWaitingAt("supervise");
        assertThat(pi).variables().containsEntry("acceptPending", false);
    }

    @Test
    void aCaseSentBackToTheSameHandlerNeedsNoNewAcceptance() {
        driver.clockAt(LocalDateTime.of(2026, 11, 30, 10, 0));
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.claim(pi, "handle", "secretary");
        driver.complete(pi, "handle", "result", "已修复", "resolved", true);
        driver.complete(pi, "evaluate", "satisfied", false, "satisfaction", 2L);

        // 退回重办: the community handles on, its clock runs to the handling deadline, nothing to accept or supervise
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("acceptPending", false)
                .doesNotContainKey("acceptanceLabel");
        assertThat(driver.variable(pi, "dueLabel")).isEqualTo(LocalTimes.minutes((Date) driver.variable(pi, "dueDate")));
        driver.fireTimer(pi, "acceptDeadline");
        assertThat(pi).isWaitingAt("handle").isNotWaitingAt("supervise");
        assertThat(details(pi, LeadAccepted.ACTION)).hasSize(1);
    }

    // ------------------------------------------------------------------ extension (延期)

    @Test
    void anApprovedExtensionMovesTheDeadlineTheTimersAndTheCardAndKeepsTheOriginal() {
        driver.clockAt(LocalDateTime.of(2026, 11, 2, 10, 0));
        ProcessInstance pi = yellowCaseInHandling("water", "2026-11-06");
        driver.claim(pi, "handle", "water");
        assertThat(driver.variable(pi, "extensionNote").toString()).contains("最晚至 2026-11-23 18:00");

        // YELLOW: at most 15 working days from the handling start (Mon 2 Nov → Mon 23 Nov)
        assertThatThrownBy(() -> askExtension(pi, "2026-11-24")).hasMessageContaining("不能晚于 2026-11-23 18:00");
        assertThatThrownBy(() -> askExtension(pi, "2026-11-06")).hasMessageContaining("须晚于现办理期限");
        assertThatThrownBy(() -> driver.complete(pi, "handle", "extensionAsked", true, "extensionUntil", "2026-11-13"))
                .hasMessageContaining("请填写延期理由");
        askExtension(pi, "2026-11-13");
        assertThat(pi).isWaitingAt("approveExtension").variables().containsEntry("extensionUntilLabel",
                "2026-11-13 18:00").containsEntry("originalDueLabel", "2026-11-06 18:00");
        assertThat(task("approveExtension")).hasCandidateGroup("area:A-DL-1");

        assertThatThrownBy(() -> driver.complete(pi, "approveExtension", "extensionApproved", false))
                .hasMessageContaining("不同意延期时必须填写意见");
        driver.complete(pi, "approveExtension", "extensionApproved", true, "extensionComment", "同意");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("dueDate", at(2026, 11, 13, 18, 0))
                .containsEntry("reminderAt", at(2026, 11, 12, 9, 0)).containsEntry("dueLabel", "2026-11-13 18:00")
                .containsEntry("originalDueDate", at(2026, 11, 6, 18, 0)).containsEntry("extensionAsked", false);
        assertThat(timer(pi, "overdue").getDuedate()).isEqualTo(at(2026, 11, 13, 18, 0));
        assertThat(timer(pi, "dueSoon").getDuedate()).isEqualTo(at(2026, 11, 12, 9, 0));
        assertThat(details(pi, "EXTENSION_APPROVED")).singleElement().asString()
                .isEqualTo("原办理期限 2026-11-06 18:00，延期至 2026-11-13 18:00；意见：同意");
        assertThat(jdbc.queryForObject("SELECT due_at FROM issue_summary WHERE business_key = ?",
                java.sql.Timestamp.class, pi.getBusinessKey()).toInstant()).isEqualTo(at(2026, 11, 13, 18, 0).toInstant());
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("EXTENSION_APPROVED") && m.contains("water@dept"));

        // once per case
        assertThatThrownBy(() -> askExtension(pi, "2026-11-20")).hasMessageContaining("已申请过一次延期");

        // the old deadline passes quietly; the overdue timer fires at the new one
        driver.fireTimer(pi, "overdue");
        assertThat(EngineClock.now().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 13, 18, 0));
        assertThat(pi).isWaitingAt("approveEscalation");
    }

    @Test
    void aRefusedExtensionLeavesTheDeadlineAndTheTimersAndASecondRequestIsRefused() {
        driver.clockAt(LocalDateTime.of(2026, 11, 9, 14, 0));
        ProcessInstance pi = yellowCaseInHandling("water", "2026-11-12");
        Date overdue = timer(pi, "overdue").getDuedate();
        askExtension(pi, "2026-11-18");
        driver.complete(pi, "approveExtension", "extensionApproved", false, "extensionComment", "可按期办结");

        assertThat(pi).isWaitingAt("handle").variables().containsEntry("dueDate", at(2026, 11, 12, 18, 0));
        assertThat(timer(pi, "overdue").getDuedate()).isEqualTo(overdue);
        assertThat(details(pi, "EXTENSION_DENIED")).singleElement().asString()
                .isEqualTo("仍按原办理期限 2026-11-12 18:00 办结；意见：可按期办结");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("EXTENSION_DENIED"));
        assertThat(driver.variable(pi, "extensionNote").toString()).contains("已申请过一次延期");
        assertThatThrownBy(() -> askExtension(pi, "2026-11-18")).hasMessageContaining("已申请过一次延期");

        driver.complete(pi, "handle", "result", "已办结", "resolved", true);
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_DENIED",
                "HANDLED");
    }

    @Test
    void greenAndRedCasesHaveNoExtensionInTheLimitsTable() {
        driver.clockAt(LocalDateTime.of(2026, 11, 30, 10, 0));
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(driver.variable(pi, "extensionNote").toString()).startsWith("绿色事项不设延期");
        assertThatThrownBy(() -> askExtension(pi, "2026-12-04"))
                .hasMessageContaining("绿色事项不能申请延期（只有黄色事项可延期一次）");
        assertThat(pi).isWaitingAt("handle");
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance yellowCaseInHandling(String lead, String deadline) {
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(pi, "rate", "color", "YELLOW");
        meet(pi, lead, deadline);
        assertThat(pi).isWaitingAt("handle");
        return pi;
    }

    private void meet(ProcessInstance pi, String lead, String deadline) {
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", lead, "coDepts", List.of(), "deadline", deadline, "minutes", "会商纪要");
    }

    private void askExtension(ProcessInstance pi, String until) {
        driver.complete(pi, "handle", "extensionAsked", true, "extensionUntil", until, "extensionReason",
                "需协调管线单位施工");
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private List<String> details(ProcessInstance pi, String action) {
        return jdbc.queryForList("SELECT detail FROM case_event WHERE business_key = ? AND action = ? ORDER BY id",
                String.class, pi.getBusinessKey(), action);
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
