package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.common.UserInputException;
import cn.lianban.support.AsUser;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TaskCards;

/**
 * Every path of {@code venue-booking} (approved, rejected, not decided before it begins, cancelled while
 * waiting), with the demo venues; the clock stands at Monday 2026-07-06 08:00.
 */
@LianbanTest
class VenueBookingProcessTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 7, 6, 8, 0);
    static final LocalDate TUESDAY = LocalDate.of(2026, 7, 7);
    static final String PHONE = "13700001111";

    @Autowired
    ProcessEngine engine;
    @Autowired
    BookingService bookings;
    @Autowired
    VenueRepository venues;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AsUser users;

    RuntimeService runtime;
    TaskService tasks;
    ManagementService management;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        VenueDb.clockAt(NOW);
    }

    @AfterEach
    void tearDown() {
        VenueDb.resetClock();
    }

    @Test
    void approvedByTheAreaCommitteeTheBookingBecomesActive() {
        Venue complex = venues.areaComplex("A-DL-1").orElseThrow();
        assertThat(complex.needsApproval()).isTrue();
        Booking booking = book(complex, 9, 11);
        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING);

        ProcessInstance pi = instance(booking);
        assertThat(pi).isWaitingAt("approveBooking").hasPassed("notifyManagers").variables()
                .containsEntry("venueName", complex.name()).containsEntry("period", "2026-07-07 09:00–11:00")
                .containsEntry("managerGroup", "area:A-DL-1").containsEntry("phone", PHONE);
        assertThat(task(pi)).hasCandidateGroup("area:A-DL-1").hasDueDate(beijing(TUESDAY.atTime(9, 0)))
                .hasName("场馆管理员审批");
        // the committee's card: the booking's number, venue and hours in words
        assertThat(TaskCards.assertInWords(VenueFilters.COLUMNS, runtime.getVariables(pi.getId())))
                .containsEntry("预约号", booking.code()).containsEntry("阵地", complex.name())
                .containsEntry("时段", "2026-07-07 09:00–11:00").containsEntry("预约人", "王芳")
                .containsEntry("用途", "党员活动日");
        assertThat(runtime.getVariable(pi.getId(), "filedLabel")).isEqualTo("2026-07-06 08:00");
        Map<String, Object> mail = jdbc.queryForMap("SELECT recipients, subject, status FROM mail_outbox"
                + " WHERE business_key = ? AND kind = 'BOOKING_PENDING'", booking.code());
        assertThat((String) mail.get("recipients")).contains("a-dl-1@area.lianban.demo");
        assertThat((String) mail.get("subject")).startsWith("【联办】" + booking.code() + " 场馆预约待审批：" + complex.name());
        assertThat(mail.get("status")).as("the template rendered").isEqualTo("PENDING");

        decide(pi, "committee", true, null);
        assertThat(pi).isEnded().hasPassed("confirmBooking", "noticeBooker").hasNotPassed("rejectBooking");
        Booking decided = bookings.find(booking.code(), PHONE);
        assertThat(decided.status()).isEqualTo(BookingStatus.ACTIVE);
        assertThat(decided.notice()).startsWith("【联办】王芳您好，您预约的" + complex.name() + " 2026-07-07 09:00–11:00 已通过审批");
        assertThat(held(booking)).isEqualTo(2);
    }

    @Test
    void rejectedByTheCityCenterWithAReasonTheHoursAreFreedAndTheBookerIsTold() {
        Venue city = venues.cityCenter().orElseThrow();
        Booking booking = book(city, 14, 16);
        ProcessInstance pi = instance(booking);
        assertThat(task(pi)).hasCandidateGroup("city-center");

        assertThatThrownBy(() -> decide(pi, "center", false, " ")).hasRootCauseInstanceOf(UserInputException.class)
                .hasMessageContaining("不同意时请写明理由");
        assertThat(pi).isWaitingAt("approveBooking");
        decide(pi, "center", false, "当天大厅举办全市会议");

        assertThat(pi).isEnded().hasPassed("rejectBooking", "noticeBooker").hasNotPassed("confirmBooking");
        Booking decided = bookings.find(booking.code(), PHONE);
        assertThat(decided.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(decided.notice()).contains("未获批准（当天大厅举办全市会议），所订时段已释放");
        assertThat(held(booking)).isZero();
        assertThat(book(city, 14, 15).status()).as("the hours are free again").isEqualTo(BookingStatus.PENDING);
    }

    @Test
    void notDecidedWhenItBeginsTheBookingLapses() {
        Venue city = venues.cityCenter().orElseThrow();
        Booking booking = book(city, 17, 18);
        ProcessInstance pi = instance(booking);
        var timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(beijing(TUESDAY.atTime(17, 0)));

        VenueDb.clockAt(TUESDAY.atTime(17, 0));
        management.executeJob(timer.getId());
        assertThat(pi).isEnded().hasPassed("approvalExpired", "rejectBooking", "noticeBooker");
        Booking lapsed = bookings.find(booking.code(), PHONE);
        assertThat(lapsed.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(lapsed.notice()).contains("未获批准（" + VenueBookingProcess.EXPIRED_COMMENT + "）");
    }

    @Test
    void cancelledWhileWaitingTheApprovalIsWithdrawn() {
        Venue complex = venues.areaComplex("A-DL-1").orElseThrow();
        Booking booking = book(complex, 15, 17);
        ProcessInstance pi = instance(booking);

        assertThat(bookings.cancel(booking.code(), PHONE).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(pi).isEnded();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getDeleteReason()).isEqualTo("预约人已取消预约");
        assertThat(held(booking)).isZero();
    }

    private Booking book(Venue venue, int from, int to) {
        return bookings.book(new BookingRequest(venue.code(), TUESDAY.atTime(from, 0), TUESDAY.atTime(to, 0), "王芳",
                PHONE, "党员活动日"));
    }

    private ProcessInstance instance(Booking booking) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(VenueBookingProcess.KEY)
                .processInstanceBusinessKey(booking.code()).singleResult();
    }

    /** Claims and completes the approval task as a manager, as Tasklist would. */
    private void decide(ProcessInstance pi, String user, boolean approved, String comment) {
        users.run(user, () -> {
            String id = task(pi).getId();
            if (task(pi).getAssignee() == null) {
                tasks.claim(id, user);
            }
            java.util.Map<String, Object> v = new java.util.HashMap<>();
            v.put("approved", approved);
            v.put("comment", comment);
            tasks.complete(id, v);
        });
    }

    private int held(Booking booking) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM booking_slot WHERE booking_code = ?", Integer.class,
                booking.code());
    }

    private static Date beijing(LocalDateTime t) {
        return Date.from(t.atZone(EngineClock.ZONE).toInstant());
    }
}
