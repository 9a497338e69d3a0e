package cn.lianban.issue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.UserInputException;
import cn.lianban.venue.Booking;
import cn.lianban.venue.BookingService;

/**
 * When and where the joint meeting is, and moving it: the meeting form offers the other free hours of the booked
 * venue ({@code meetingSlots}, a form-js {@code valuesKey}, set as the meeting task starts), and a convener who picks
 * one has the meeting rebooked there, the invitation sent again and the move recorded. Public only because BPMN
 * expressions can call methods of public classes alone.
 */
// named apart from the process variable meetingSlots, which would hide the bean in BPMN expressions
@Component("issueMeetings")
public class MeetingSlots {

    /** How many working days ahead, besides today, the convener may move the meeting to. */
    static final int DAYS_AHEAD = 5;

    private final BookingService bookings;
    private final WorkingCalendar calendar;
    private final IssueMails mails;
    private final CaseLog log;

    MeetingSlots(BookingService bookings, WorkingCalendar calendar, IssueMails mails, CaseLog log) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.mails = mails;
        this.log = log;
    }

    /** The meeting's time for people: {@code meetingAt} and its label (2026-03-03 09:00–11:00). */
    static void setTime(IssueVariables variables, ZonedDateTime start, String place) {
        variables.setMeeting(start.toInstant(), place, LocalTimes.minutes(start.toInstant()) + "–"
                + LocalTimes.minutes(start.plusHours(InviteMeeting.MEETING_HOURS).toInstant()).substring(11));
    }

    /** BPMN start listener of the meeting task: the free two-hour slots of the booked venue, as select options. */
    public void offer(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        List<Map<String, String>> options = new ArrayList<>();
        String venue = variables.meetingVenue();
        if (venue != null) {
            LocalDateTime now = EngineClock.now().toLocalDateTime();
            List<LocalDate> days = new ArrayList<>();
            if (calendar.isWorkingDay(now.toLocalDate())) {
                days.add(now.toLocalDate());
            }
            for (int i = 1; i <= DAYS_AHEAD; i++) {
                days.add(calendar.addWorkingDays(now.toLocalDate(), i));
            }
            for (LocalDate day : days) {
                for (LocalDateTime start : bookings.freeStarts(venue, day, now, InviteMeeting.MEETING_HOURS)) {
                    // form-js select options
                    Map<String, String> option = new LinkedHashMap<>();
                    option.put("label", LocalTimes.minutes(start.atZone(EngineClock.ZONE).toInstant()) + "–"
                            + start.plusHours(InviteMeeting.MEETING_HOURS).toLocalTime());
                    option.put("value", start.toString());
                    options.add(option);
                }
            }
        }
        variables.setMeetingSlots(options);
    }

    /**
     * Moves the meeting to the slot chosen on the meeting form, at the same venue.
     *
     * @throws UserInputException when no slot is chosen, or the slot is no longer free
     */
    void move(DelegateTask task) {
        IssueVariables variables = new IssueVariables(task);
        String code = variables.meetingBooking();
        if (code == null) {
            throw new UserInputException("meetingSlot", "本次会议没有预约到场地，不能改期，请线下另行安排");
        }
        LocalDateTime start = parse(variables.meetingSlot());
        String before = variables.meetingTimeLabel();
        Booking moved = bookings.moveForUnit(code, start).orElseThrow(() -> new UserInputException("meetingSlot",
                "所选时段 " + LocalTimes.minutes(start.atZone(EngineClock.ZONE).toInstant())
                        + " 起已被占用或不可预约，请另选时段"));
        ZonedDateTime at = moved.start().atZone(EngineClock.ZONE);
        String place = variables.meetingPlace();
        variables.setMeetingBooking(moved.code());
        setTime(variables, at, place);
        mails.meetingInvitation(variables.mail(), at, place);
        log.record(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(), "MEETING_MOVED",
                "联席会议由 " + before + " 改至 " + variables.meetingTimeLabel() + "，" + place
                        + "，场地预约号 " + moved.code());
    }

    private static LocalDateTime parse(String chosen) {
        try {
            return LocalDateTime.parse(chosen == null ? "" : chosen);
        } catch (DateTimeParseException e) {
            throw new UserInputException("meetingSlot", "请选择新的会议时段");
        }
    }
}
