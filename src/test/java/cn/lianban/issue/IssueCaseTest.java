package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.ProcessTestBase;

/**
 * Table issue_summary as the case page reads it: one row per joint-handling case, written by the process in its
 * own transaction on every step and on the steps that change the page without a new status (the meeting, the
 * departments, the clock), and rebuilt from Camunda's history by the startup backfill exactly as the process wrote
 * it.
 */
class IssueCaseTest extends ProcessTestBase {

    @Autowired
    IssueCaseReader reader;
    @Autowired
    IssueSummaryBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theRowFollowsACaseFromFilingThroughTheMeetingToClosing() {
        // a week no other test books venues in: the meeting form offers free slots to move to
        LocalDateTime monday = LocalDateTime.of(2026, 9, 7, 10, 0);
        driver.clockAt(monday);
        Instant filed = EngineClock.now().toInstant();
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "title", " 楼道漏水 ");
        IssueCase rating = row(pi);
        assertThat(rating.processInstanceId()).isEqualTo(pi.getId());
        assertThat(rating.status()).isEqualTo("RATING");
        assertThat(rating.statusLabel()).isEqualTo("待评级");
        assertThat(rating.title()).as("as filed").isEqualTo(" 楼道漏水 ");
        assertThat(rating.description()).isEqualTo("3号楼前两盏路灯不亮，夜间出行不便");
        assertThat(rating.communityCode()).isEqualTo("C-DL-01");
        assertThat(rating.communityName()).isNotBlank();
        assertThat(rating.category()).isEqualTo("HOUSING");
        assertThat(rating.color()).isNull();
        assertThat(rating.coDepts()).isEmpty();
        assertThat(rating.meetingAt()).isNull();
        assertThat(rating.clockRunning()).isFalse();
        assertThat(rating.filedAt()).isEqualTo(filed);

        driver.complete(pi, "rate", "color", "YELLOW");

        driver.scheduleMeeting(pi);
        IssueCase meeting = row(pi);
        assertThat(meeting.status()).isEqualTo("MEETING");
        assertThat(meeting.statusLabel()).isEqualTo("联席会商");
        assertThat(meeting.color()).isEqualTo("YELLOW");
        assertThat(meeting.level()).isEqualTo(3);
        assertThat(meeting.meetingAt()).isNotNull();
        assertThat(meeting.meetingPlace()).isNotBlank();
        assertThat(meeting.clockRunning()).isTrue();
        assertThat(meeting.clockStart()).isEqualTo(filed);
        assertThat(meeting.clockDue()).isNotNull();

        Map<String, String> slot = lastSlot(pi);
        driver.complete(pi, "meet", "moveMeeting", true, "meetingSlot", slot.get("value"));
        assertThat(row(pi).meetingAt()).as("the meeting moved")
                .isEqualTo(LocalDateTime.parse(slot.get("value")).atZone(EngineClock.ZONE).toInstant());

        driver.clockAt(monday.plusHours(2));
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban", "water"), "deadline",
                "2026-09-11", "minutes", "住建局牵头");
        // issue 13: until the lead accepts (签收) the clock counts down to the acceptance deadline
        driver.claim(pi, "handle", "housing");
        IssueCase handling = row(pi);
        assertThat(handling.status()).isEqualTo("HANDLING");
        assertThat(handling.leadDept()).isEqualTo("housing");
        assertThat(handling.coDepts()).containsExactly("urban", "water");
        assertThat(handling.handleGroup()).isEqualTo("dept:housing");
        assertThat(handling.clockStart()).isEqualTo(filed.plusSeconds(2 * 3600));
        assertThat(handling.clockDue()).isEqualTo(Instant.parse("2026-09-11T10:00:00Z"));
        assertThat(handling.dueAt()).isEqualTo(handling.clockDue());
        assertThat(reader.handledBy("dept:housing")).contains(pi.getId());

        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("assist").list()
                .forEach(t -> engine.getTaskService().complete(t.getId(), Map.of("assistResult", "已配合")));
        driver.complete(pi, "handle", "result", "已维修", "resolved", true);
        assertThat(row(pi).status()).isEqualTo("EVALUATING");
        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        IssueCase closed = row(pi);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.statusLabel()).isEqualTo("已销号");
        assertThat(closed.clockRunning()).isFalse();
        assertThat(closed.clockDue()).as("kept when the clock stops").isEqualTo(handling.clockDue());
        assertThat(closed.closedAt()).isEqualTo(EngineClock.now().toInstant());
    }

    @Test
    void escalationRaisesTheLevelAndRestartsTheClockInTheRow() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        IssueCase handling = row(pi);
        assertThat(handling.level()).isEqualTo(1);
        assertThat(handling.handleGroup()).isNotNull();
        driver.fireTimer(pi, "overdue");
        IssueCase escalating = row(pi);
        assertThat(escalating.status()).isEqualTo("ESCALATING");
        assertThat(escalating.statusLabel()).isEqualTo("升级审批");
        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意升级");
        IssueCase escalated = row(pi);
        assertThat(escalated.status()).isEqualTo("HANDLING");
        assertThat(escalated.level()).isEqualTo(2);
        assertThat(escalated.escalations()).isEqualTo(1);
        assertThat(escalated.clockStart()).isEqualTo(EngineClock.now().toInstant());
        assertThat(escalated.clockDue()).isAfter(handling.clockDue());
        assertThat(escalated.clockRunning()).isTrue();
    }

    @Test
    void aStepThatFailsTakesItsRowChangeBackWithIt() {
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        IssueCase before = row(pi);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", "2026-03-06",
                    "minutes", "住建局牵头");
            assertThat(row(pi).coDepts()).as("written in the step's transaction").containsExactly("urban");
            throw new IllegalStateException("the step fails after the case moved on");
        })).hasMessageContaining("the step fails");
        assertThat(row(pi)).isEqualTo(before);
        assertThat(driver.task(pi, "meet")).isNotNull();
    }

    @Test
    void theBackfillRebuildsMissingAndResyncRowsAsTheProcessWroteThem() {
        ProcessInstance rating = driver.file();
        ProcessInstance meeting = driver.file("category", "HOUSING", "multiDepartment", true);
        driver.complete(meeting, "rate", "color", "YELLOW");
        driver.scheduleMeeting(meeting);
        ProcessInstance handling = driver.file("category", "HOUSING", "multiDepartment", true);
        driver.complete(handling, "rate", "color", "YELLOW");
        driver.scheduleMeeting(handling);
        driver.complete(handling, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline",
                "2026-03-06", "minutes", "住建局牵头");
        ProcessInstance escalating = driver.file();
        driver.complete(escalating, "rate", "color", "GREEN");
        driver.fireTimer(escalating, "overdue");
        ProcessInstance closed = driver.walkYellowCaseToClosure();
        List<ProcessInstance> all = List.of(rating, meeting, handling, escalating, closed);
        List<Map<String, Object>> written = all.stream().map(this::stored).toList();

        for (ProcessInstance pi : List.of(rating, handling, closed)) {
            jdbc.update("DELETE FROM issue_summary WHERE business_key = ?", pi.getBusinessKey());
        }
        // rows outlive the engine's history (closed cases whose history was cleaned up): they must not hide the
        // missing ones
        for (int i = 1; i <= 5; i++) {
            jdbc.update("INSERT INTO issue_summary (business_key, process_instance_id, community_code, status, "
                    + "filed_at, closed_at) VALUES (?, 'cleaned', 'C-DL-01', 'CLOSED', ?, ?)", "JH-2015-80000" + i,
                    java.sql.Timestamp.valueOf("2015-01-05 09:00:00"), java.sql.Timestamp.valueOf("2015-02-05 09:00:00"));
        }
        // as V22 leaves a row written before the row kept what the case page shows
        for (ProcessInstance pi : List.of(meeting, escalating)) {
            jdbc.update("UPDATE issue_summary SET status = 'RESYNC', title = NULL, description = NULL, "
                    + "community_name = NULL, status_label = NULL, lead_dept = NULL, co_depts = '', "
                    + "handle_group = NULL, meeting_at = NULL, meeting_place = NULL, clock_start = NULL, "
                    + "clock_due = NULL, clock_running = FALSE WHERE business_key = ?", pi.getBusinessKey());
        }
        assertThat(backfill.backfill()).isEqualTo(5);
        assertThat(all.stream().map(this::stored).toList()).isEqualTo(written);
        assertThat(backfill.backfill()).as("idempotent").isZero();
        jdbc.update("DELETE FROM issue_summary WHERE business_key LIKE 'JH-2015-8%'");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> lastSlot(ProcessInstance pi) {
        List<Map<String, String>> slots = (List<Map<String, String>>) driver.variable(pi, "meetingSlots");
        return slots.get(slots.size() - 1);
    }

    private IssueCase row(ProcessInstance pi) {
        return reader.find(pi.getBusinessKey()).orElseThrow();
    }

    private Map<String, Object> stored(ProcessInstance pi) {
        return jdbc.queryForMap("SELECT * FROM issue_summary WHERE business_key = ?", pi.getBusinessKey());
    }
}
