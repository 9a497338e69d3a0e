package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.common.UserInputException;
import cn.lianban.notify.SmsOutbox;
import cn.lianban.support.AsUser;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;
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
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;

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
        // issue #14: the text is sent by SMS in the step's transaction; no greeting by name, the day in Chinese
        String approvedText = "【联办】您预约的" + complex.name() + " 7月7日 09:00–11:00 已通过审批，预约号 " + booking.code()
                + "。";
        assertThat(decided.notice()).isEqualTo(approvedText);
        assertThat(sms(booking)).containsExactly(List.of("BOOKING_APPROVED", PHONE, approvedText));
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
        // the reason goes to the booker shortened, with a number that could be someone's phone masked
        decide(pi, "center", false, "当天大厅举办全市会议，改约请联系值班室 0535-6661234 或 13811112222，谢谢理解与支持");

        assertThat(pi).isEnded().hasPassed("rejectBooking", "noticeBooker").hasNotPassed("confirmBooking");
        Booking decided = bookings.find(booking.code(), PHONE);
        assertThat(decided.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(decided.notice()).contains("未获批准（当天大厅举办全市会议，改约请联系值班室 *** 或 ***，…），所订时段已释放");
        assertThat(sms(booking)).singleElement().satisfies(m -> assertThat(m).containsExactly("BOOKING_REFUSED", PHONE,
                "【联办】您预约的" + city.name() + " 7月7日 14:00–16:00 未获批准（当天大厅举办全市会议，改约请联系值班室 *** 或 "
                        + "***，…），所订时段已释放，预约号 " + booking.code() + "。"));
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
        assertThat(sms(booking)).extracting(m -> m.get(0)).containsExactly("BOOKING_REFUSED");
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
        assertThat(sms(booking)).as("told once, of the cancellation, and no refusal after it")
                .containsExactly(List.of("BOOKING_CANCELLED", PHONE, "【联办】您预约的" + complex.name()
                        + " 7月7日 15:00–17:00 已取消，所订时段已释放，预约号 " + booking.code() + "。"));
    }

    @Test
    void aDecisionRolledBackSendsNothingAndAFailingProviderLosesNothing() {
        Venue city = venues.cityCenter().orElseThrow();
        Booking booking = book(city, 10, 12);
        ProcessInstance pi = instance(booking);

        // the approval's transaction fails after the SMS step: neither the decision nor its SMS is kept
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            decide(pi, "center", true, null);
            assertThat(sms(booking)).as("written in the step's transaction").hasSize(1);
            tx.setRollbackOnly();
        });
        assertThat(sms(booking)).isEmpty();
        assertThat(pi).isWaitingAt("approveBooking");
        assertThat(bookings.find(booking.code(), PHONE).status()).isEqualTo(BookingStatus.PENDING);

        // what earlier tests queued goes first (no poller runs in tests; one phone's messages keep their order)
        SmsOutbox up = new SmsOutbox(JdbcClient.create(jdbc), (phone, text) -> { }, 8, clock);
        while (up.sendPending() > 0) {
            // until none is due
        }
        decide(pi, "center", true, null);
        assertThat(sms(booking)).hasSize(1);
        // a provider that refuses everything: the message stays queued with its error, tried again later
        SmsOutbox down = new SmsOutbox(JdbcClient.create(jdbc), (phone, text) -> {
            throw new IllegalStateException("gateway unavailable: HTTP 503");
        }, 8, clock);
        down.sendPending();
        Map<String, Object> row = jdbc.queryForMap("SELECT status, attempts, last_error FROM sms_outbox"
                + " WHERE business_key = ?", booking.code());
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("HTTP 503");
        String page = new PageSession(rest, "admin").get("/admin/sms").getBody();
        assertThat(page).contains(booking.code(), "预约已通过", "137****1111").doesNotContain(PHONE);
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

    /** The SMS queued for the booking: kind, phone, text. */
    private List<List<String>> sms(Booking booking) {
        return jdbc.query("SELECT kind, phone, body FROM sms_outbox WHERE business_key = ? ORDER BY id",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), booking.code());
    }

    private int held(Booking booking) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM booking_slot WHERE booking_code = ?", Integer.class,
                booking.code());
    }

    private static Date beijing(LocalDateTime t) {
        return Date.from(t.atZone(EngineClock.ZONE).toInstant());
    }
}
