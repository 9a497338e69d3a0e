package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.EngineClock;
import cn.lianban.support.ProcessTestBase;

/** Every path of joint-handling, timers driven with the engine clock. Filed on Monday 2026-03-02, 10:00. */
class JointHandlingProcessTest extends ProcessTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void greenIssueIsHandledByTheCommunityAndClosedWhenResidentsAreSatisfied() {
        ProcessInstance pi = driver.file();

        assertThat(pi.getBusinessKey()).matches("JH-2026-\\d{6}");
        assertThat(pi).isWaitingAt("rate").variables()
                .containsEntry("proposedColor", "GREEN").containsEntry("status", "RATING");
        assertThat(task()).hasCandidateGroup("area:A-DL-1");

        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 1).containsEntry("status", "HANDLING");
        assertThat(task("handle")).hasCandidateGroup("community:C-DL-01");
        // 3 working days after Monday 2 March: Thursday 5 March, end of the working day
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 3, 5, 18, 0));
        assertThat(task("handle").getDueDate()).isEqualTo(at(2026, 3, 5, 18, 0));

        driver.complete(pi, "handle", "result", "已更换灯泡", "resolved", true);
        assertThat(pi).isWaitingAt("evaluate").variables().containsEntry("status", "EVALUATING");
        assertThat(task("evaluate")).hasCandidateGroup("community:C-DL-01");

        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        assertThat(pi).isEnded().hasPassed("closeIssue");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("status")
                .singleResult().getValue()).isEqualTo("CLOSED");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("CLOSED") && m.contains("c-dl-01@community"));
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("FILED", "ASSIGNED", "HANDLED", "EVALUATED",
                "CLOSED");
    }

    @Test
    void yellowIssueGoesThroughAJointMeetingAndTheLeadDepartmentWithCoDepartments() {
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        assertThat(pi).variables().containsEntry("proposedColor", "YELLOW");
        driver.complete(pi, "rate", "color", "YELLOW");

        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 3).containsEntry("status", "MEETING")
                .containsEntry("leadDept", "housing");
        assertThat(task("meet")).hasCandidateGroup("area:A-DL-1");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("MEETING_INVITATION") && m.contains("housing@dept"));
        // the area's complex is booked for the meeting: the next working day, 09:00–11:00
        assertThat(jdbc.queryForMap("SELECT venue_code, start_at, end_at, status FROM booking WHERE code = ?",
                driver.variable(pi, "meetingBooking"))).containsEntry("venue_code", "V-A-DL-1")
                .containsEntry("start_at", java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 3, 9, 0)))
                .containsEntry("end_at", java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 3, 11, 0)))
                .containsEntry("status", "ACTIVE");

        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", "2026-03-06",
                "minutes", "住建局牵头维修，城管局配合清理");
        assertThat(pi).isWaitingAt("handle", "assist");
        assertThat(task("handle")).hasCandidateGroup("dept:housing");
        assertThat(task("assist")).hasCandidateGroup("dept:urban");
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 3, 6, 18, 0));
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("ASSIGNED") && m.contains("housing@dept"));

        driver.complete(pi, "assist", "assistResult", "已清理");
        driver.complete(pi, "handle", "result", "已维修", "resolved", true);
        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 4L);
        assertThat(pi).isEnded();
    }

    @Test
    void aSecondMeetingOfTheSameUnitThatDayTakesTheNextFreeHours() {
        ProcessInstance first = driver.file("multiDepartment", true);
        driver.complete(first, "rate", "color", "YELLOW");
        ProcessInstance second = driver.file("multiDepartment", true);
        driver.complete(second, "rate", "color", "YELLOW");
        java.util.Date firstAt = (java.util.Date) driver.variable(first, "meetingAt");
        java.util.Date secondAt = (java.util.Date) driver.variable(second, "meetingAt");
        assertThat(secondAt).isAfterOrEqualsTo(new java.util.Date(firstAt.getTime() + 2 * 3600_000L));
        assertThat(driver.variable(second, "meetingPlace").toString()).contains("东莱北片区");
    }

    @Test
    void redIssueMeetsAtCityLevel() {
        ProcessInstance pi = driver.file("category", "SAFETY", "safetyRisk", true, "households", 120L);
        assertThat(pi).variables().containsEntry("proposedColor", "RED");
        driver.complete(pi, "rate", "color", "RED");
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 5);
        assertThat(task("meet")).hasCandidateGroup("city-center");
    }

    @Test
    void leadDepartmentFinishingEarlyEndsTheCoDepartmentsPart() {
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.complete(pi, "meet", "leadDept", "urban", "coDepts", List.of("housing", "water"), "deadline",
                "2026-03-04", "minutes", "城管牵头");
        assertThat(pi).isWaitingAt("handle", "assist");
        driver.complete(pi, "handle", "result", "已办结", "resolved", true);
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(runtime.createExecutionQuery().processInstanceId(pi.getId()).activityId("assist").count()).isZero();
    }

    @Test
    void overridingTheProposedColourNeedsAReasonAndIsRecorded() {
        ProcessInstance pi = driver.file();
        assertThatThrownBy(() -> driver.complete(pi, "rate", "color", "YELLOW"))
                .hasMessageContaining("必须填写调整理由");
        assertThat(pi).isWaitingAt("rate");

        driver.complete(pi, "rate", "color", "YELLOW", "overrideReason", "涉及相邻两个小区，需片区协调");
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("color", "YELLOW")
                .containsEntry("proposedColor", "GREEN");
        assertThat(driver.events(pi.getBusinessKey())).contains("RATING_OVERRIDE");
    }

    @Test
    void confirmingTheProposedColourNeedsNoReasonAndRecordsNoOverride() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain("RATING_OVERRIDE");
    }

    @Test
    void unapprovedEscalationKeepsTheLevelAndRestartsItsClock() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.fireTimer(pi, "overdue");
        assertThat(pi).isWaitingAt("approveEscalation").variables().containsEntry("status", "ESCALATING");
        assertThat(task("approveEscalation")).hasCandidateGroup("area:A-DL-1");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("OVERDUE"));

        assertThatThrownBy(() -> driver.complete(pi, "approveEscalation", "approved", false))
                .hasMessageContaining("必须填写意见");
        driver.complete(pi, "approveEscalation", "approved", false, "comment", "社区再办理三天");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 1).containsEntry("escalations", 0L);
        // overdue fired at Thu 5 March 18:00; level 1 allows 3 working days again: Tue 10 March
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 3, 10, 18, 0));
    }

    @Test
    void escalatesLevelByLevelFromGridToCityAndThenKeepsRemindingTheCenter() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(pi).variables().containsEntry("level", 1);

        escalate(pi);
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 2).containsEntry("escalations", 1L);
        assertThat(task("handle")).hasCandidateGroup("community:C-DL-01");

        escalate(pi);
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 3);
        assertThat(task("meet")).hasCandidateGroup("area:A-DL-1");
        meet(pi, "urban");
        assertThat(task("handle")).hasCandidateGroup("dept:urban");

        escalate(pi);
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 4);
        assertThat(task("meet")).hasCandidateGroup("street:S-DL");
        meet(pi, "housing");

        escalate(pi);
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 5).containsEntry("escalations", 4L);
        assertThat(task("meet")).hasCandidateGroup("city-center");
        meet(pi, "housing");
        assertThat(driver.mails(pi)).filteredOn(m -> m.startsWith("ESCALATED")).hasSize(4);

        driver.fireTimer(pi, "overdue");
        assertThat(pi).isWaitingAt("handle").hasPassed("remindCenter")
                .variables().containsEntry("level", 5).containsEntry("escalations", 4L).containsEntry("centerReminders", 1L);
        driver.fireTimer(pi, "overdue");
        assertThat(pi).variables().containsEntry("centerReminders", 2L);
        assertThat(driver.mails(pi)).filteredOn(m -> m.startsWith("CENTER_OVERDUE")).hasSize(2)
                .allMatch(m -> m.contains("center@lianban.demo"));
    }

    @Test
    void unsatisfiedTwiceGoesBackToHandlingAndTheThirdTimeEscalates() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        for (int round = 1; round <= 2; round++) {
            driver.complete(pi, "handle", "result", "已处理第" + round + "次", "resolved", true);
            driver.complete(pi, "evaluate", "satisfied", false, "satisfaction", 2L);
            assertThat(pi).isWaitingAt("handle").variables().containsEntry("reopens", (long) round)
                    .containsEntry("level", 1);
        }
        driver.complete(pi, "handle", "result", "第三次处理", "resolved", true);
        driver.complete(pi, "evaluate", "satisfied", false, "satisfaction", 1L);
        assertThat(pi).isWaitingAt("approveEscalation").variables().containsEntry("reopens", 3L);

        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意升级到社区");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 2).containsEntry("reopens", 0L);
    }

    @Test
    void departmentThatCannotResolveAsksForEscalation() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.complete(pi, "handle", "result", "需街道协调资金", "resolved", false);
        assertThat(pi).isWaitingAt("approveEscalation");
    }

    @Test
    void remindsTheHandlingUnitOneWorkingDayBeforeTheDueDate() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        // due Thu 5 March 18:00 → reminder Wed 4 March 09:00
        assertThat(driver.variable(pi, "reminderAt")).isEqualTo(at(2026, 3, 4, 9, 0));
        driver.fireTimer(pi, "dueSoon");
        assertThat(pi).isWaitingAt("handle").hasPassed("sendReminder");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("REMINDER") && m.contains("c-dl-01@community"));
    }

    @Test
    void aFilingWithMissingOrWrongFieldsIsRefusedAndLeavesNothing() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("joint-handling").count();
        assertThatThrownBy(() -> driver.file("title", " ")).hasMessageContaining("标题");
        assertThatThrownBy(() -> driver.file("title", "很".repeat(101))).hasMessageContaining("100");
        assertThatThrownBy(() -> driver.file("category", "WEATHER")).hasMessageContaining("问题类别无效");
        assertThatThrownBy(() -> driver.file("communityCode", "C-XX-99")).hasMessageContaining("社区编码不存在");
        assertThatThrownBy(() -> driver.file("households", -1L)).hasMessageContaining("涉及户数");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("joint-handling").count())
                .isEqualTo(before);
    }

    @Test
    void meetingDecisionsAreChecked() {
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        assertThatThrownBy(() -> meetWith(pi, "nobody", List.of(), "2026-03-05")).hasMessageContaining("牵头部门无效");
        assertThatThrownBy(() -> meetWith(pi, "housing", List.of("housing"), "2026-03-05"))
                .hasMessageContaining("协办部门不能包含牵头部门");
        assertThatThrownBy(() -> meetWith(pi, "housing", List.of(), "2026-02-27")).hasMessageContaining("不能早于今天");
        // level 3 allows 7 working days from Mon 2 March: Wed 11 March
        assertThatThrownBy(() -> meetWith(pi, "housing", List.of(), "2026-03-12")).hasMessageContaining("2026-03-11");
        meetWith(pi, "housing", List.of(), "2026-03-11");
        assertThat(pi).isWaitingAt("handle");
    }

    @Test
    void concurrentFilingsGetDistinctBusinessKeys() throws Exception {
        java.util.List<String> keys = driver.fileConcurrently(6, 5);
        assertThat(keys).hasSize(30).doesNotHaveDuplicates().allMatch(k -> k.matches("JH-2026-\\d{6}"));
    }

    private void meetWith(ProcessInstance pi, String lead, List<String> co, String deadline) {
        driver.complete(pi, "meet", "leadDept", lead, "coDepts", co, "deadline", deadline, "minutes", "会议纪要");
    }

    private void escalate(ProcessInstance pi) {
        driver.fireTimer(pi, "overdue");
        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意升级");
    }

    private void meet(ProcessInstance pi, String lead) {
        LocalDate today = EngineClock.now().toLocalDate();
        meetWith(pi, lead, List.of(), today.plusDays(1).toString());
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
