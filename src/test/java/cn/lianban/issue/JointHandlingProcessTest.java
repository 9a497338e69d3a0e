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
import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.venue.BookingService;

/** Every path of joint-handling, timers driven with the engine clock. Filed on Monday 2026-03-02, 10:00. */
class JointHandlingProcessTest extends ProcessTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    AsUser users;
    @Autowired
    BookingService bookings;

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
        // other tests of the shared database meet on the same day: free the area complex's morning first
        jdbc.update("DELETE FROM booking_slot WHERE venue_code = 'V-A-DL-1' AND slot_start >= ? AND slot_start < ?",
                java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 3, 0, 0)),
                java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 4, 0, 0)));
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        assertThat(pi).variables().containsEntry("proposedColor", "YELLOW");
        driver.complete(pi, "rate", "color", "YELLOW");

        // the convener (the area's committee) picks venue and time from the free slots; nothing is sent before
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().containsEntry("level", 3)
                .containsEntry("status", "MEETING").doesNotContainKey("meetingBooking");
        assertThat(task("scheduleMeeting")).hasCandidateGroup("area:A-DL-1");
        assertThat(driver.mails(pi)).noneMatch(m -> m.startsWith("MEETING_INVITATION"));
        assertThat(choices(pi).get(0).get("value")).as("the area's own complex first").startsWith("V-A-DL-1|");
        assertThat(choices(pi)).extracting(o -> o.get("value")).contains("V-A-DL-1|2026-03-03T09:00");
        assertThat(choices(pi)).extracting(o -> o.get("label"))
                .anyMatch(l -> l.contains("东莱北片区") && l.endsWith(" 2026-03-03 09:00–11:00"));
        driver.complete(pi, "scheduleMeeting", "meetingChoice", "V-A-DL-1|2026-03-03T09:00");

        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 3).containsEntry("status", "MEETING")
                .containsEntry("leadDept", "housing").containsEntry("meetingTimeLabel", "2026-03-03 09:00–11:00");
        assertThat(task("meet")).hasCandidateGroup("area:A-DL-1");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("MEETING_INVITATION") && m.contains("housing@dept"));
        // the chosen hours of the area's complex are booked for the meeting
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
        driver.scheduleMeeting(first);
        ProcessInstance second = driver.file("multiDepartment", true);
        driver.complete(second, "rate", "color", "YELLOW");
        driver.scheduleMeeting(second);
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
        driver.scheduleMeeting(pi);
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 5);
        assertThat(task("meet")).hasCandidateGroup("city-center");
    }

    // issue 9 changed this: the lead finishing first used to delete the co-departments' 协办 tasks unrecorded
    @Test
    void theCaseWaitsForEveryCoDepartmentsPartBeforeItMovesOn() {
        driver.clockAt(LocalDateTime.of(2026, 3, 16, 10, 0));
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", "urban", "coDepts", List.of("housing", "water"), "deadline",
                "2026-03-18", "minutes", "城管牵头");
        assertThat(pi).isWaitingAt("handle", "assist");
        driver.complete(pi, "handle", "result", "已办结", "resolved", true);
        assertThat(pi).isWaitingAt("assist").isNotWaitingAt("evaluate");
        assertThat(runtime.createExecutionQuery().processInstanceId(pi.getId()).activityId("assist").count())
                .isEqualTo(2);

        for (String dept : List.of("housing", "water")) {
            org.camunda.bpm.engine.task.Task assist = engine.getTaskService().createTaskQuery()
                    .processInstanceId(pi.getId()).taskCandidateGroup("dept:" + dept).singleResult();
            assertThat(engine.getTaskService().getVariable(assist.getId(), "assistResult"))
                    .as("the form of %s does not show another department's part", dept).isNull();
            engine.getTaskService().complete(assist.getId(), java.util.Map.of("assistResult", dept + "已配合"));
        }
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(details(pi, "ASSISTED")).containsExactlyInAnyOrder("住房和城乡建设局：housing已配合", "水务局：water已配合");
        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("ASSISTED", "ASSISTED", "EVALUATED", "CLOSED")
                .doesNotContain(AssistLeftOpen.ACTION);
    }

    @Test
    void openCoDepartmentWorkIsRecordedAsUnfinishedWhenTheTimeLimitCutsHandling() {
        driver.clockAt(LocalDateTime.of(2026, 3, 23, 10, 0));
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", "urban", "coDepts", List.of("housing"), "deadline", "2026-03-25",
                "minutes", "城管牵头");
        driver.claim(pi, "assist", "housing");
        driver.complete(pi, "handle", "result", "已办结", "resolved", true);

        driver.fireTimer(pi, "overdue");
        assertThat(pi).isWaitingAt("approveEscalation");
        assertThat(details(pi, AssistLeftOpen.ACTION)).singleElement().asString()
                .contains("住房和城乡建设局").contains("未报告完成情况").contains("已由 housing 认领");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("HANDLED", AssistLeftOpen.ACTION, "OVERDUE");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskDefinitionKey("assist")
                .singleResult().getDeleteReason()).isNotEqualTo("completed");
    }

    @Test
    void cardsAndFormsGetWordsForEveryCode() {
        driver.clockAt(LocalDateTime.of(2026, 6, 1, 10, 0));
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        assertThat(pi).variables().containsEntry("caseNo", pi.getBusinessKey()).containsEntry("statusLabel", "待评级")
                .containsEntry("proposedColorLabel", "黄色").containsEntry("categoryName", "房屋住建")
                .containsEntry("communityName", driver.variable(pi, "communityName"));

        driver.complete(pi, "rate", "color", "YELLOW");

        driver.scheduleMeeting(pi);
        // level 3 allows 7 working days from Mon 1 June: Wed 10 June 18:00
        assertThat(pi).variables().containsEntry("statusLabel", "联席会商").containsEntry("colorLabel", "黄色")
                .containsEntry("levelLabel", "第三级（片区）").containsEntry("leadDeptName", "住房和城乡建设局（建议）")
                .containsEntry("dueLabel", "2026-06-10 18:00").containsEntry("timeLight", "GREEN")
                .containsEntry("timeLightLabel", "正常");
        assertThat(driver.variable(pi, "meetingTimeLabel").toString()).matches("2026-06-0[12] \\d\\d:00–\\d\\d:00");
        assertThat(driver.variable(pi, "meetingPlace").toString()).contains("东莱北片区");

        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban", "water"), "deadline",
                "2026-06-05", "minutes", "住建局牵头");
        // issue 13: until the lead accepts (签收) the card counts down to the acceptance deadline
        driver.claim(pi, "handle", "housing");
        assertThat(pi).variables().containsEntry("statusLabel", "办理中").containsEntry("leadDeptName", "住房和城乡建设局")
                .containsEntry("coDeptsLabel", "城市管理局、水务局").containsEntry("dueLabel", "2026-06-05 18:00")
                .containsEntry("roundResult", HandlingStarted.NO_RESULT_YET);
        assertThat(driver.variable(pi, "handlingRounds").toString()).contains("**会商决定**")
                .contains("牵头部门 住房和城乡建设局，协办部门 城市管理局、水务局，办理期限 2026-06-05 18:00");

        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("assist").list()
                .forEach(t -> engine.getTaskService().complete(t.getId(), java.util.Map.of("assistResult", "已配合")));
        driver.complete(pi, "handle", "result", "已维修", "resolved", true);
        assertThat(pi).variables().containsEntry("statusLabel", "评价销号")
                .containsEntry("roundResult", "住房和城乡建设局 已解决：已维修");
        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        assertThat(historic(pi, "statusLabel")).isEqualTo("已销号");
        assertThat(historic(pi, "timeLight")).as("no clock runs on a closed case").isNull();
    }

    @Test
    void atLevelOneTheCommunityLeadsWithItsGridWorkersAndAtLevelTwoAlone() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(pi).variables().containsEntry("levelLabel", "第一级（网格）").containsEntry("colorLabel", "绿色")
                .containsEntry("leadDeptName", driver.variable(pi, "communityName"));
        // a case naming no grid: every grid of the community may take it (issue 14 narrows it to the case's grid)
        assertThat(task("handle")).hasCandidateGroup("community:C-DL-01").hasCandidateGroup("grid:G-DL-01-01")
                .hasCandidateGroup("grid:G-DL-01-02");

        escalate(pi);
        // level 2 is the community's own (DOMAIN.md: 社区书记): the task leaves the grids
        assertThat(engine.getTaskService().getIdentityLinksForTask(task("handle").getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("community:C-DL-01");
        escalate(pi);
        driver.scheduleMeeting(pi);
        meet(pi, "urban");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task("handle").getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("dept:urban");
    }

    @Test
    void aSecretaryWhoLeavesTheCommunityEmptyFilesForHerOwnCommunity() {
        java.util.Map<String, Object> filing = IssueDriver.filing();
        filing.remove("communityCode");
        ProcessInstance pi = users.as("secretary", () -> runtime.startProcessInstanceByKey("joint-handling", filing));
        assertThat(pi).variables().containsEntry("communityCode", "C-DL-01").containsEntry("areaGroup", "area:A-DL-1");

        filing.put("communityCode", " ");
        ProcessInstance blank = users.as("secretary", () -> runtime.startProcessInstanceByKey("joint-handling", filing));
        assertThat(blank).variables().containsEntry("communityCode", "C-DL-01");
    }

    @Test
    void aFilingForACommunityOutsideTheFilersScopeIsRefused() {
        String xinjie = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-XJ-01'", String.class);
        assertThatThrownBy(() -> users.as("secretary", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("communityCode", "C-XJ-01"))))
                .hasMessageContaining("只能为本社区提报事项：" + xinjie + "（C-XJ-01）不是您所在的社区");
        // a street office files for the communities of its street, naming which
        assertThat(users.as("street", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("communityCode", "C-DL-02"))).getBusinessKey()).startsWith("JH-");
        assertThatThrownBy(() -> users.as("street", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("communityCode", "C-XJ-01")))).hasMessageContaining("只能为所辖社区提报事项：" + xinjie);
        java.util.Map<String, Object> without = IssueDriver.filing();
        without.remove("communityCode");
        assertThatThrownBy(() -> users.as("street", () -> runtime.startProcessInstanceByKey("joint-handling", without)))
                .hasMessageContaining("请填写提报社区编码");
        assertThat(users.as("center", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("communityCode", "C-XJ-01"))).getBusinessKey()).startsWith("JH-");
    }

    @Test
    void theConvenerMovesTheMeetingToAnotherFreeSlotOfItsVenue() {
        driver.clockAt(LocalDateTime.of(2026, 6, 8, 10, 0));
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        String firstBooking = (String) driver.variable(pi, "meetingBooking");
        String before = (String) driver.variable(pi, "meetingTimeLabel");
        List<java.util.Map<String, String>> slots = slots(pi);
        // the free two-hour slots of the rest of today and the next five working days; not the booked one
        assertThat(slots).extracting(o -> o.get("label")).doesNotContain(before, "2026-06-08 09:00–11:00")
                .anyMatch(l -> l.startsWith("2026-06-15 ")).noneMatch(l -> l.startsWith("2026-06-16 "));
        java.util.Map<String, String> later = slots.get(slots.size() - 1);

        driver.complete(pi, "meet", "moveMeeting", true, "meetingSlot", later.get("value"));
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("meetingTimeLabel", later.get("label"))
                .containsEntry("moveMeeting", false).containsEntry("status", "MEETING");
        String moved = (String) driver.variable(pi, "meetingBooking");
        assertThat(jdbc.queryForObject("SELECT status FROM booking WHERE code = ?", String.class, firstBooking))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForMap("SELECT start_at, status FROM booking WHERE code = ?", moved))
                .containsEntry("start_at", java.sql.Timestamp.valueOf(LocalDateTime.parse(later.get("value"))))
                .containsEntry("status", "ACTIVE");
        assertThat(slots(pi)).extracting(o -> o.get("label")).contains(before).doesNotContain(later.get("label"));
        assertThat(details(pi, "MEETING_MOVED")).singleElement().asString()
                .contains("由 " + before + " 改至 " + later.get("label"));
        assertThat(driver.mails(pi)).filteredOn(m -> m.startsWith("MEETING_INVITATION")).hasSize(2);

        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", "2026-06-12", "minutes",
                "会议已召开");
        assertThat(pi).isWaitingAt("handle");
    }

    @Test
    void aMeetingCannotMoveToASlotTakenMeanwhile() {
        driver.clockAt(LocalDateTime.of(2026, 6, 15, 10, 0));
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        String booking = (String) driver.variable(pi, "meetingBooking");
        String before = (String) driver.variable(pi, "meetingTimeLabel");
        java.util.Map<String, String> chosen = slots(pi).get(slots(pi).size() - 1);
        LocalDateTime start = LocalDateTime.parse(chosen.get("value"));
        // a resident books the second hour of that slot while the convener is filling in the form
        bookings.book(new cn.lianban.venue.BookingRequest((String) driver.variable(pi, "meetingVenue"),
                start.plusHours(1), start.plusHours(2), "居民", "13800000000"));

        assertThatThrownBy(() -> driver.complete(pi, "meet", "moveMeeting", true, "meetingSlot", chosen.get("value")))
                .hasMessageContaining("所选时段 " + chosen.get("label").substring(0, 16) + " 起已被占用或不可预约，请另选时段");
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("meetingBooking", booking)
                .containsEntry("meetingTimeLabel", before);
        assertThat(jdbc.queryForObject("SELECT status FROM booking WHERE code = ?", String.class, booking))
                .isEqualTo("ACTIVE");
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain("MEETING_MOVED");
    }

    @Test
    void overridingTheProposedColourNeedsAReasonAndIsRecorded() {
        ProcessInstance pi = driver.file();
        assertThatThrownBy(() -> driver.complete(pi, "rate", "color", "YELLOW"))
                .hasMessageContaining("必须填写调整理由");
        assertThat(pi).isWaitingAt("rate");

        driver.complete(pi, "rate", "color", "YELLOW", "overrideReason", "涉及相邻两个小区，需片区协调");

        driver.scheduleMeeting(pi);
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

        assertThat(pi).variables().containsEntry("escalationReason", "OVERDUE")
                .containsEntry("escalationReasonLabel", "办理时限届满未办结")
                .containsEntry("roundResult", HandlingStarted.NO_RESULT_YET)
                .containsEntry("timeLight", "RED").containsEntry("timeLightLabel", "逾期");
        assertThat(driver.variable(pi, "handlingRounds").toString()).contains("**逾期** 第一级（网格）办理时限届满未办结");
        assertThatThrownBy(() -> driver.complete(pi, "approveEscalation", "approved", false))
                .hasMessageContaining("必须填写意见");
        driver.complete(pi, "approveEscalation", "approved", false, "comment", "社区再办理三天");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 1).containsEntry("escalations", 0L);
        // overdue fired at Thu 5 March 18:00; level 1 allows 3 working days again: Tue 10 March
        assertThat(driver.variable(pi, "dueDate")).isEqualTo(at(2026, 3, 10, 18, 0));
        driver.fireTimer(pi, "overdue");
        assertThat(pi).as("the second approval form opens blank").isWaitingAt("approveEscalation").variables()
                .doesNotContainKeys("approved", "comment");
        driver.complete(pi, "approveEscalation", "approved", false, "comment", "再给三天");
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
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().containsEntry("level", 3);
        assertThat(task("scheduleMeeting")).hasCandidateGroup("area:A-DL-1");
        driver.scheduleMeeting(pi);
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 3);
        assertThat(task("meet")).hasCandidateGroup("area:A-DL-1");
        meet(pi, "urban");
        assertThat(task("handle")).hasCandidateGroup("dept:urban");

        escalate(pi);
        driver.scheduleMeeting(pi);
        assertThat(pi).isWaitingAt("meet").variables().containsEntry("level", 4);
        assertThat(task("meet")).hasCandidateGroup("street:S-DL");
        meet(pi, "housing");

        escalate(pi);
        driver.scheduleMeeting(pi);
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
            driver.complete(pi, "evaluate", "satisfied", false, "satisfaction", 2L, "evaluationComment", "路灯仍不亮");
            assertThat(pi).isWaitingAt("handle").variables().containsEntry("reopens", (long) round)
                    .containsEntry("level", 1).doesNotContainKey("result");
        }
        assertThat(driver.variable(pi, "handlingRounds").toString())
                .contains("**牵头办理** 已解决：已处理第1次", "**群众评价** 不满意，满意度 2；意见：路灯仍不亮",
                        "**退回重办** 群众不满意，第1次退回", "**牵头办理** 已解决：已处理第2次", "第2次退回");
        driver.complete(pi, "handle", "result", "第三次处理", "resolved", true);
        assertThat(pi).as("the evaluation form opens without the last round's verdict").isWaitingAt("evaluate")
                .variables().doesNotContainKeys("satisfied", "satisfaction", "evaluationComment");
        driver.complete(pi, "evaluate", "satisfied", false, "satisfaction", 1L);
        assertThat(pi).isWaitingAt("approveEscalation").variables().containsEntry("reopens", 3L)
                .containsEntry("escalationReason", "DISSATISFIED").containsEntry("escalationReasonLabel", "群众三次不满意")
                .containsEntry("roundResult", driver.variable(pi, "communityName") + " 已解决：第三次处理");

        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意升级到社区");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 2).containsEntry("reopens", 0L);
    }

    @Test
    void departmentThatCannotResolveAsksForEscalation() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.complete(pi, "handle", "result", "需街道协调资金", "resolved", false);
        assertThat(pi).isWaitingAt("approveEscalation").variables().containsEntry("escalationReason", "UNRESOLVED")
                .containsEntry("escalationReasonLabel", "牵头部门报告本级无法解决")
                .containsEntry("roundResult", driver.variable(pi, "communityName") + " 未解决：需街道协调资金");
        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意");
        assertThat(driver.events(pi.getBusinessKey())).contains("ESCALATED");
        assertThat(details(pi, "ESCALATED")).singleElement().asString()
                .isEqualTo("第一级（网格） → 第二级（社区），原因：牵头部门报告本级无法解决");
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
        driver.scheduleMeeting(pi);
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

    private List<String> details(ProcessInstance pi, String action) {
        return jdbc.queryForList("SELECT detail FROM case_event WHERE business_key = ? AND action = ? ORDER BY id",
                String.class, pi.getBusinessKey(), action);
    }

    /** A variable's last value; null also when the process removed it. */
    private Object historic(ProcessInstance pi, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    @SuppressWarnings("unchecked")
    private List<java.util.Map<String, String>> choices(ProcessInstance pi) {
        return (List<java.util.Map<String, String>>) driver.variable(pi, "meetingChoices");
    }

    @SuppressWarnings("unchecked")
    private List<java.util.Map<String, String>> slots(ProcessInstance pi) {
        return (List<java.util.Map<String, String>>) driver.variable(pi, "meetingSlots");
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
