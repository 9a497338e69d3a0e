package cn.lianban.issue;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.venue.BookingService;

/**
 * A joint meeting that will not take place because the case leaves the meeting step without meeting: merged into
 * another case (并案), pulled up by the city center (提级) or put on the register (挂账). Its venue booking is
 * released and the invitees are told; nothing happens once the meeting has begun or when none is pending.
 */
@Component
class MeetingCallOff {

    static final String ACTION = "MEETING_CANCELLED";

    private final BookingService bookings;
    private final IssueMails mails;
    private final CaseLog log;

    MeetingCallOff(BookingService bookings, IssueMails mails, CaseLog log) {
        this.bookings = bookings;
        this.mails = mails;
        this.log = log;
    }

    /** Called before the step changes the status: a pending meeting is one of a case still at MEETING. */
    void callOff(DelegateExecution execution, String why) {
        IssueVariables variables = new IssueVariables(execution);
        Instant at = variables.meetingAt();
        if (!IssueStatus.MEETING.name().equals(variables.status()) || at == null
                || !at.isAfter(EngineClock.now().toInstant())) {
            return;
        }
        String booking = variables.meetingBooking();
        boolean released = booking != null && bookings.cancelForUnit(booking);
        String note = "原定 " + variables.meetingTimeLabel() + " 在" + variables.meetingPlace() + "召开的联席会议取消："
                + why + (released ? "；场地预约 " + booking + " 已释放" : "");
        mails.meetingCancelled(variables.mail(), note);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), ACTION, note);
        variables.clearMeeting();
    }
}
