package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;

/**
 * A joint meeting that will not take place (issue 13, point 8): when the case leaves the meeting step without
 * meeting — merged into another case, pulled up by the city center, put on the register — its venue booking is
 * released and the invitees are told, in a mail and on the case page.
 */
class MeetingCallOffTest extends ProcessTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aCaseMergedIntoAnotherWhileItsMeetingIsPendingReleasesTheVenueAndTellsTheInvitees() {
        String sameArea = driver.sameAreaAsCommunityA();
        ProcessInstance pi = atMeeting("communityCode", sameArea);
        String booking = booking(pi);

        ProcessInstance main = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(main, "rate", "color", "YELLOW", "mergeCases", List.of(pi.getBusinessKey()));

        assertThat(pi).isEnded().hasPassed("markMerged");
        assertCalledOff(pi, booking, "并入 " + main.getBusinessKey());
    }

    @Test
    void theCenterPullingACaseUpCallsOffTheMeetingOfTheOldLevel() {
        ProcessInstance pi = atMeeting();
        String booking = booking(pi);

        ResponseEntity<Map> raised = rest.withBasicAuth("center", "demo").postForEntity(
                "/api/issues/" + pi.getBusinessKey() + "/raise", Map.of("level", 4, "reason", "需街道统筹"), Map.class);
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(pi).isWaitingAt("scheduleMeeting").hasPassed("raiseIssue");
        assertCalledOff(pi, booking, "市中心提级至");
    }

    @Test
    void puttingACaseOnTheRegisterWhileItsMeetingIsPendingCallsTheMeetingOff() {
        ProcessInstance pi = atMeeting();
        String booking = booking(pi);

        ResponseEntity<Map> shelved = rest.withBasicAuth("committee", "demo").postForEntity(
                "/api/issues/" + pi.getBusinessKey() + "/shelve",
                Map.of("category", "FUNDS", "reason", "改造资金需列入明年预算", "reviewDate", "2026-03-20"), Map.class);
        assertThat(shelved.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(pi).isWaitingAt("shelfReviewDue").hasPassed("shelveAtMeeting", "shelveIssue")
                .variables().containsEntry("statusLabel", "已挂账");
        assertCalledOff(pi, booking, "事项已挂账");
    }

    @Test
    void aMeetingAlreadyHeldIsNotCalledOff() {
        ProcessInstance pi = atMeeting();
        String booking = booking(pi);
        // recorded before the booked hours, as a convener may: the meeting took place, nothing is called off
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", "2026-03-06",
                "minutes", "会议纪要", "attended", List.of("dept:housing"), "coTasks", "");
        ResponseEntity<Map> raised = rest.withBasicAuth("center", "demo").postForEntity(
                "/api/issues/" + pi.getBusinessKey() + "/raise", Map.of("level", 4, "reason", "需街道统筹"), Map.class);
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(driver.events(pi.getBusinessKey())).doesNotContain(MeetingCallOff.ACTION);
        assertThat(status(booking)).isEqualTo("ACTIVE");
    }

    /** A YELLOW case (the area's joint meeting) whose convener booked the first free slot offered. */
    private ProcessInstance atMeeting(Object... changes) {
        Object[] filing = new Object[changes.length + 6];
        System.arraycopy(new Object[] {"category", "HOUSING", "multiDepartment", true, "households", 40L}, 0,
                filing, 0, 6);
        System.arraycopy(changes, 0, filing, 6, changes.length);
        ProcessInstance pi = driver.file(filing);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        assertThat(pi).isWaitingAt("meet");
        return pi;
    }

    private String booking(ProcessInstance pi) {
        String code = (String) driver.variable(pi, "meetingBooking");
        assertThat(code).as("the meeting's venue is booked").isNotNull();
        assertThat(status(code)).isEqualTo("ACTIVE");
        return code;
    }

    private void assertCalledOff(ProcessInstance pi, String booking, String why) {
        assertThat(status(booking)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_slot WHERE booking_code = ?", Integer.class,
                booking)).as("its hours are free again").isZero();
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("MEETING_CANCELLED") && m.contains("housing@dept"));
        String note = jdbc.queryForObject("SELECT detail FROM case_event WHERE business_key = ? AND action = ?",
                String.class, pi.getBusinessKey(), MeetingCallOff.ACTION);
        assertThat(note).contains("联席会议取消", why, "场地预约 " + booking + " 已释放");
        String page = rest.withBasicAuth("committee", "demo").getForObject("/cases/" + pi.getBusinessKey(),
                String.class);
        assertThat(page).contains("联席会议取消");
    }

    private String status(String booking) {
        return jdbc.queryForObject("SELECT status FROM booking WHERE code = ?", String.class, booking);
    }
}
