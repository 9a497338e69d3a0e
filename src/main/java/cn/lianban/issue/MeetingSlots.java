package cn.lianban.issue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
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
 * one has the meeting rebooked there, the invitation sent again and the move recorded.
 */
// named apart from the process variable meetingSlots, which would hide the bean in BPMN expressions
@Component("issueMeetings")
public class MeetingSlots {

    static final String OPTIONS = "meetingSlots";
    static final String TIME_LABEL = "meetingTimeLabel";
    /** How many working days ahead, besides today, the convener may move the meeting to. */
    static final int DAYS_AHEAD = 5;

    private final BookingService bookings;
    private final WorkingCalendar calendar;
    private final IssueMails mails;
    private final CaseLog log;

    public MeetingSlots(BookingService bookings, WorkingCalendar calendar, IssueMails mails, CaseLog log) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.mails = mails;
        this.log = log;
    }

    /** The meeting's time for people: {@code meetingAt} and {@code meetingTimeLabel} (2026-03-03 09:00–11:00). */
    static void setTime(VariableScope scope, ZonedDateTime start, String place) {
        scope.setVariable("meetingAt", Date.from(start.toInstant()));
        scope.setVariable("meetingPlace", place);
        scope.setVariable(TIME_LABEL, LocalTimes.minutes(start.toInstant()) + "–"
                + LocalTimes.minutes(start.plusHours(InviteMeeting.MEETING_HOURS).toInstant()).substring(11));
    }

    /** BPMN start listener of the meeting task: the free two-hour slots of the booked venue, as select options. */
    public void offer(DelegateExecution execution) {
        List<Map<String, String>> options = new ArrayList<>();
        String venue = IssueVariables.text(execution, "meetingVenue");
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
                    Map<String, String> option = new LinkedHashMap<>();
                    option.put("label", LocalTimes.minutes(start.atZone(EngineClock.ZONE).toInstant()) + "–"
                            + start.plusHours(InviteMeeting.MEETING_HOURS).toLocalTime());
                    option.put("value", start.toString());
                    options.add(option);
                }
            }
        }
        execution.setVariable(OPTIONS, options);
    }

    /**
     * Moves the meeting to the chosen start at the same venue.
     *
     * @throws UserInputException when no slot is chosen, or the slot is no longer free
     */
    void move(DelegateTask task, Object chosen) {
        String code = IssueVariables.text(task, "meetingBooking");
        if (code == null) {
            throw new UserInputException("meetingSlot", "本次会议没有预约到场地，不能改期，请线下另行安排");
        }
        LocalDateTime start = parse(chosen);
        String before = IssueVariables.text(task, TIME_LABEL);
        Booking moved = bookings.moveForUnit(code, start).orElseThrow(() -> new UserInputException("meetingSlot",
                "所选时段 " + LocalTimes.minutes(start.atZone(EngineClock.ZONE).toInstant())
                        + " 起已被占用或不可预约，请另选时段"));
        ZonedDateTime at = moved.start().atZone(EngineClock.ZONE);
        String place = IssueVariables.text(task, "meetingPlace");
        task.setVariable("meetingBooking", moved.code());
        setTime(task, at, place);
        DelegateExecution execution = task.getExecution();
        mails.meetingInvitation(execution, at, place);
        log.record(execution.getProcessBusinessKey(), task.getProcessInstanceId(), "MEETING_MOVED",
                "联席会议由 " + before + " 改至 " + IssueVariables.text(task, TIME_LABEL) + "，" + place
                        + "，场地预约号 " + moved.code());
    }

    private static LocalDateTime parse(Object chosen) {
        try {
            return LocalDateTime.parse(chosen == null ? "" : chosen.toString().trim());
        } catch (DateTimeParseException e) {
            throw new UserInputException("meetingSlot", "请选择新的会议时段");
        }
    }
}
