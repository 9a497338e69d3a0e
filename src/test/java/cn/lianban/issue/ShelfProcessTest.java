package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.ProcessTestBase;

/**
 * 挂账 (issue 13): the approver of escalations puts a case that cannot be solved now on the register; it leaves the
 * running clock, is reviewed on a working day at least monthly, and is resumed, escalated or ended. Filed on Monday
 * 2026-03-02, 10:00 (Qingming: Saturday 4 to Monday 6 April 2026 off).
 */
class ShelfProcessTest extends ProcessTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    IssueShelf shelf;

    @Test
    void aCaseOnTheRegisterHasNoClockAndIsResumedWithTheLevelsLimitAtItsReview() {
        ProcessInstance pi = unresolvedCase();
        shelve(pi, "FUNDS", "改造资金需列入明年财政预算", "2026-03-20");

        assertThat(pi).isWaitingAt("shelfReviewDue").variables().containsEntry("status", "HANDLING")
                .containsEntry("statusLabel", "已挂账").containsEntry("shelfState", "ON_REGISTER")
                .containsEntry("shelfLabel", "资金原因：改造资金需列入明年财政预算")
                .containsEntry("shelfReviewLabel", "2026-03-20 09:00").containsEntry("dueLabel", "挂账中，停止计时")
                .doesNotContainKeys("timeLight", "timeLightLabel", "dueDate", "reminderAt");
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("overdue").count())
                .as("no 办理时限 timer runs on the register").isZero();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("shelfReviewDue")
                .singleResult().getDuedate()).isEqualTo(at(2026, 3, 20, 9, 0));
        assertThat(jdbc.queryForMap("SELECT status, status_label, due_at, clock_running FROM issue_summary "
                + "WHERE business_key = ?", pi.getBusinessKey())).containsEntry("status", "HANDLING")
                .containsEntry("status_label", "已挂账").containsEntry("clock_running", false)
                .containsEntry("due_at", null);
        assertThat(jdbc.queryForMap("SELECT level, reason_category, reason, review_at, outcome FROM issue_shelf "
                + "WHERE business_key = ?", pi.getBusinessKey())).containsEntry("level", 1)
                .containsEntry("reason_category", "FUNDS").containsEntry("reason", "改造资金需列入明年财政预算")
                .containsEntry("review_at", Timestamp.from(at(2026, 3, 20, 9, 0).toInstant()))
                .containsEntry("outcome", null);
        assertThat(driver.events(pi.getBusinessKey())).endsWith("ESCALATION_DENIED", "SHELVED");

        driver.fireTimer(pi, "shelfReviewDue");
        assertThat(pi).isWaitingAt("reviewShelf");
        assertThat(task("reviewShelf")).hasCandidateGroup("area:A-DL-1");
        assertThatThrownBy(() -> driver.complete(pi, "reviewShelf", "shelfDecision", "RESUME"))
                .hasMessageContaining("请填写复核意见");

        driver.complete(pi, "reviewShelf", "shelfDecision", "RESUME", "shelfNote", "预算已追加，恢复办理");
        // level 1 allows 3 working days again from Friday 20 March 09:00: Wednesday 25 March
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("status", "HANDLING")
                .containsEntry("statusLabel", "办理中").containsEntry("shelfState", "RESUMED")
                .containsEntry("level", 1).containsEntry("timeLight", "GREEN");
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 3, 25, 18, 0));
        assertThat(jdbc.queryForMap("SELECT outcome, reviews, last_review_note FROM issue_shelf WHERE business_key = ?",
                pi.getBusinessKey())).containsEntry("outcome", "RESUMED").containsEntry("reviews", 1)
                .containsEntry("last_review_note", "预算已追加，恢复办理");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("SHELVED", "SHELF_RESUMED");
    }

    @Test
    void aReviewKeepsTheCaseOnTheRegisterUntilTheNextWorkingDayAfterAHoliday() {
        ProcessInstance pi = unresolvedCase();
        // no date: a month ahead, Thursday 2 April
        shelve(pi, "PLANNING", "待片区控规调整", null);
        assertThat(reviewDue(pi)).isEqualTo(at(2026, 4, 2, 9, 0));

        driver.fireTimer(pi, "shelfReviewDue");
        // Saturday 4 April is in the Qingming holiday (4–6 April): the review comes on Tuesday 7 April
        driver.complete(pi, "reviewShelf", "shelfDecision", "KEEP", "shelfReviewDate", "2026-04-04",
                "shelfNote", "控规调整尚未批复");
        assertThat(pi).isWaitingAt("shelfReviewDue").variables().containsEntry("statusLabel", "已挂账")
                .containsEntry("shelfState", "ON_REGISTER").doesNotContainKey("timeLight");
        assertThat(reviewDue(pi)).isEqualTo(at(2026, 4, 7, 9, 0));
        assertThat(jdbc.queryForMap("SELECT reviews, review_at, outcome FROM issue_shelf WHERE business_key = ?",
                pi.getBusinessKey())).containsEntry("reviews", 1).containsEntry("outcome", null)
                .containsEntry("review_at", Timestamp.from(at(2026, 4, 7, 9, 0).toInstant()));

        driver.fireTimer(pi, "shelfReviewDue");
        assertThat(pi).as("the second review's form opens blank").isWaitingAt("reviewShelf").variables()
                .doesNotContainKeys("shelfDecision", "shelfNote", "shelfReviewDate");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("SHELVED", "SHELF_KEPT");
    }

    @Test
    void aReviewEscalatesThroughTheEscalationStep() {
        ProcessInstance pi = unresolvedCase();
        shelve(pi, "POLICY", "涉及政策调整，需上级协调", "2026-03-10");
        driver.fireTimer(pi, "shelfReviewDue");
        driver.complete(pi, "reviewShelf", "shelfDecision", "ESCALATE", "shelfNote", "需社区层面统筹");

        assertThat(pi).isWaitingAt("handle").hasPassed("escalateIssue").variables().containsEntry("level", 2)
                .containsEntry("escalations", 1L).containsEntry("escalationReason", "SHELF_REVIEW")
                .containsEntry("shelfState", "ESCALATED").containsEntry("statusLabel", "办理中")
                .containsEntry("timeLight", "GREEN");
        assertThat(jdbc.queryForObject("SELECT outcome FROM issue_shelf WHERE business_key = ?", String.class,
                pi.getBusinessKey())).isEqualTo("ESCALATED");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("SHELVED", "SHELF_ESCALATED", "ESCALATED");
    }

    @Test
    void aReviewEndsTheCaseWithARecordedReasonAndItsOwnWords() {
        ProcessInstance pi = unresolvedCase();
        shelve(pi, "OTHER", "产权不清", "2026-03-10");
        driver.fireTimer(pi, "shelfReviewDue");
        assertThatThrownBy(() -> driver.complete(pi, "reviewShelf", "shelfDecision", "END"))
                .hasMessageContaining("终止办理须写明理由");
        driver.complete(pi, "reviewShelf", "shelfDecision", "END", "shelfNote", "该楼已列入征收范围，无需再办");

        assertThat(pi).isEnded().hasPassed("terminateIssue", "terminated").hasNotPassed("closeIssue");
        assertThat(historic(pi, "status")).isEqualTo("CLOSED");
        assertThat(historic(pi, "statusLabel")).isEqualTo("已终止办理");
        assertThat(historic(pi, "shelfState")).isEqualTo("ENDED");
        assertThat(jdbc.queryForMap("SELECT status, status_label, closed_at FROM issue_summary WHERE business_key = ?",
                pi.getBusinessKey())).containsEntry("status", "CLOSED").containsEntry("status_label", "已终止办理")
                .containsEntry("closed_at", Timestamp.from(at(2026, 3, 10, 9, 0).toInstant()));
        assertThat(jdbc.queryForObject("SELECT outcome FROM issue_shelf WHERE business_key = ?", String.class,
                pi.getBusinessKey())).isEqualTo("ENDED");
        List<String> ended = jdbc.queryForList("SELECT detail FROM case_event WHERE business_key = ? AND action = ?",
                String.class, pi.getBusinessKey(), "TERMINATED");
        assertThat(ended).singleElement().asString().contains("产权不清").contains("该楼已列入征收范围，无需再办");
    }

    @Test
    void puttingOnTheRegisterIsChecked() {
        ProcessInstance pi = unresolvedCase();
        assertThatThrownBy(() -> driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意",
                "shelve", true, "shelfCategory", "FUNDS", "shelfReason", "缺资金"))
                .hasMessageContaining("同意升级时不能挂账");
        assertThatThrownBy(() -> driver.complete(pi, "approveEscalation", "approved", false, "comment", "挂账",
                "shelve", true, "shelfReason", "缺资金")).hasMessageContaining("请选择挂账原因");
        assertThatThrownBy(() -> driver.complete(pi, "approveEscalation", "approved", false, "comment", "挂账",
                "shelve", true, "shelfCategory", "FUNDS")).hasMessageContaining("请写明挂账理由");
        assertThatThrownBy(() -> shelve(pi, "FUNDS", "缺资金", "2026-03-02")).hasMessageContaining("复核日期须晚于今天");
        assertThatThrownBy(() -> shelve(pi, "FUNDS", "缺资金", "2026-04-03"))
                .hasMessageContaining("复核日期不能晚于 2026-04-02");
        assertThat(pi).isWaitingAt("approveEscalation");
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain("SHELVED");
        // the city's level cannot go higher
        assertThatThrownBy(() -> shelf.review("ESCALATE", "需上级", null, 5)).hasMessageContaining("不能再升级");
    }

    @Test
    void theRegisterListsTheCasesOnItFirst() {
        ProcessInstance on = unresolvedCase();
        shelve(on, "FUNDS", "缺资金", "2026-03-20");
        List<IssueShelf.Line> lines = shelf.register(java.util.Set.of("C-DL-01"));
        assertThat(lines).first().satisfies(l -> {
            assertThat(l.businessKey()).isEqualTo(on.getBusinessKey());
            assertThat(l.reasonLabel()).isEqualTo("资金原因");
            assertThat(l.stateLabel()).isEqualTo("挂账中");
            assertThat(l.title()).isEqualTo("小区路灯损坏");
        });
        assertThat(shelf.register(java.util.Set.of("C-XJ-01"))).noneMatch(l -> l.businessKey().equals(on.getBusinessKey()));
    }

    /** A green case whose community reports it cannot solve it: waiting for the area's approval. */
    private ProcessInstance unresolvedCase() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.complete(pi, "handle", "result", "需要财政资金改造线路", "resolved", false);
        assertThat(pi).isWaitingAt("approveEscalation");
        return pi;
    }

    private void shelve(ProcessInstance pi, String category, String reason, String reviewDate) {
        Map<String, Object> v = new java.util.HashMap<>(Map.of("approved", false, "comment", "暂不具备解决条件，挂账",
                "shelve", true, "shelfCategory", category, "shelfReason", reason));
        if (reviewDate != null) {
            v.put("shelfReviewDate", reviewDate);
        }
        engine.getTaskService().complete(driver.task(pi, "approveEscalation").getId(), v);
    }

    private Date reviewDue(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId("shelfReviewDue").singleResult()
                .getDuedate();
    }

    private Object historic(ProcessInstance pi, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
