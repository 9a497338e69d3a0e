package cn.lianban.issue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;
import cn.lianban.venue.Booking;
import cn.lianban.venue.BookingService;
import cn.lianban.venue.Venue;
import cn.lianban.venue.Venues;

/**
 * When and where the joint meeting is, and moving it: before the invitation the convener picks a venue and a free
 * two-hour slot ({@code meetingChoices}, set as 选定会议时间 starts), which is booked on completion; the meeting form
 * offers the other free hours of the booked venue ({@code meetingSlots}, a form-js {@code valuesKey}, set as the
 * meeting task starts), and a convener who picks one has the meeting rebooked there, the invitation sent again and
 * the move recorded. Public only because BPMN expressions can call methods of public classes alone.
 */
// named apart from the process variable meetingSlots, which would hide the bean in BPMN expressions
@Component("issueMeetings")
public class MeetingSlots {

    /** How many working days ahead, besides today, the convener may move the meeting to. */
    static final int DAYS_AHEAD = 5;
    /** How many venues besides its own a convening unit is offered (of those it may use, nearest level first). */
    static final int OTHER_VENUES = 2;
    private static final String CHOICE_SEPARATOR = "|";

    private final BookingService bookings;
    private final WorkingCalendar calendar;
    private final IssueMails mails;
    private final CaseLog log;
    private final Venues venues;
    private final Directory directory;

    MeetingSlots(BookingService bookings, WorkingCalendar calendar, IssueMails mails, CaseLog log, Venues venues,
                 Directory directory) {
        this.bookings = bookings;
        this.venues = venues;
        this.directory = directory;
        this.calendar = calendar;
        this.mails = mails;
        this.log = log;
    }

    /** The meeting's time for people: {@code meetingAt} and its label (2026-03-03 09:00–11:00). */
    static void setTime(IssueVariables variables, ZonedDateTime start, String place) {
        variables.setMeeting(start.toInstant(), place, LocalTimes.minutes(start.toInstant()) + "–"
                + LocalTimes.minutes(start.plusHours(InviteMeeting.MEETING_HOURS).toInstant()).substring(11));
    }

    /**
     * BPMN start listener of the meeting task: the free two-hour slots of the booked venue, and who was invited (the
     * convening unit first), as select options.
     */
    public void offer(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        List<Map<String, String>> options = new ArrayList<>();
        String venue = variables.meetingVenue();
        if (venue != null) {
            freeStarts(venue, EngineClock.now().toLocalDateTime(),
                    (start, label) -> options.add(option(label, start.toString())));
        }
        variables.setMeetingSlots(options);
        List<Map<String, String>> invitees = new ArrayList<>();
        invitees.add(option(directory.unitName(variables.meetingGroup()), variables.meetingGroup()));
        mails.invitees(variables.mail()).forEach(i -> invitees.add(option(i.name(), i.key())));
        variables.setMeetingInvitees(invitees);
        // Tasklist submits a list field with the type of its variable, or else with that of its options (a list of
        // maps, which the engine then fails to read back): an empty list of its own gives it the right type
        variables.setAttended(List.of());
    }

    /**
     * BPMN start listener of choosing the meeting's time: the free two-hour slots of the convening unit's own venue
     * and of up to {@link #OTHER_VENUES} more it may use, as select options ({@code meetingChoices}, value
     * {@code <venue>|<start>}). The last meeting's choice and booking do not carry over to this one.
     */
    public void offerVenues(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        variables.clearMeetingChoice();
        String group = variables.meetingGroup();
        Map<String, Venue> offered = new LinkedHashMap<>();
        bookings.findVenueFor(group).ifPresent(v -> offered.put(v.code(), v));
        // another's venue only where it takes bookings without its managers' approval
        venues.usableBy(group).stream().filter(v -> !offered.containsKey(v.code()) && !v.needsApproval())
                .limit(OTHER_VENUES)
                .forEach(v -> offered.put(v.code(), v));
        List<Map<String, String>> options = new ArrayList<>();
        // an hour's notice at least: the invitation must reach the participants before the meeting begins
        LocalDateTime from = EngineClock.now().toLocalDateTime().plusHours(1);
        for (Venue venue : offered.values()) {
            freeStarts(venue.code(), from, (start, label) -> options.add(option(venue.name() + " " + label,
                    venue.code() + CHOICE_SEPARATOR + start)));
        }
        variables.setMeetingChoices(options);
    }

    /**
     * Books the venue and time the convener chose ({@code meetingChoice}); the invitation goes out for it next
     * ({@link InviteMeeting}). Nothing to book when no slot was offered: the meeting is then convened without one.
     *
     * @throws UserInputException when a slot was offered but none (or one not offered) chosen, or the chosen one is no
     *                            longer free
     */
    void schedule(DelegateTask task) {
        IssueVariables variables = new IssueVariables(task);
        String chosen = variables.meetingChoice();
        List<String> offered = variables.meetingChoicesOffered();
        if (chosen == null && offered.isEmpty()) {
            return;
        }
        // only what was offered: the unit's own venue or one that books without its managers' approval
        if (chosen == null || !offered.contains(chosen)) {
            throw new UserInputException("meetingChoice", "请选择会议地点和时段");
        }
        int bar = chosen.indexOf(CHOICE_SEPARATOR);
        Venue venue = venues.find(chosen.substring(0, bar))
                .orElseThrow(() -> new UserInputException("meetingChoice", "请选择会议地点和时段"));
        LocalDateTime start = parse(chosen.substring(bar + 1), "meetingChoice", "请选择会议地点和时段");
        String unit = directory.unitName(variables.meetingGroup());
        Booking booking = bookings.bookForUnitAt(venue.code(), unit, start, InviteMeeting.MEETING_HOURS,
                        task.getExecution().getProcessBusinessKey() + " 联席会议")
                .orElseThrow(() -> new UserInputException("meetingChoice", venue.name() + " "
                        + LocalTimes.minutes(start.atZone(EngineClock.ZONE).toInstant())
                        + " 起的时段已被占用或不可预约，请另选时段"));
        variables.setMeetingBooking(booking.code());
        variables.setMeetingVenue(venue.code());
        setTime(variables, start.atZone(EngineClock.ZONE), placeOf(venue));
    }

    /** The venue as invitations and forms name it: 东莱北片区党群服务中心（地址）. */
    static String placeOf(Venue venue) {
        return venue.name() + "（" + venue.address() + "）";
    }

    /**
     * Each free two-hour start of the venue from {@code from} on, today (if a working day) and the next working days,
     * with its label.
     */
    private void freeStarts(String venue, LocalDateTime from, BiConsumer<LocalDateTime, String> each) {
        LocalDateTime now = EngineClock.now().toLocalDateTime();
        List<LocalDate> days = new ArrayList<>();
        if (calendar.isWorkingDay(now.toLocalDate())) {
            days.add(now.toLocalDate());
        }
        for (int i = 1; i <= DAYS_AHEAD; i++) {
            days.add(calendar.addWorkingDays(now.toLocalDate(), i));
        }
        for (LocalDate day : days) {
            for (LocalDateTime start : bookings.freeStarts(venue, day, from, InviteMeeting.MEETING_HOURS)) {
                each.accept(start, LocalTimes.minutes(start.atZone(EngineClock.ZONE).toInstant()) + "–"
                        + start.plusHours(InviteMeeting.MEETING_HOURS).toLocalTime());
            }
        }
    }

    /** A form-js select option. */
    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
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
        LocalDateTime start = parse(variables.meetingSlot(), "meetingSlot", "请选择新的会议时段");
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

    private static LocalDateTime parse(String chosen, String field, String message) {
        try {
            return LocalDateTime.parse(chosen == null ? "" : chosen);
        } catch (DateTimeParseException e) {
            throw new UserInputException(field, message);
        }
    }
}
