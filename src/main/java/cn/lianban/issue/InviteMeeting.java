package cn.lianban.issue;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.directory.Directory;
import cn.lianban.security.CaseAccess;
import cn.lianban.venue.Booking;
import cn.lianban.venue.BookingService;
import cn.lianban.venue.Venues;

/**
 * Convenes the joint meeting (联席会议) at the handling level: books two hours of the convening unit's venue
 * and invites the participants with a calendar entry. Without a free venue the meeting is still convened,
 * at the unit's office, and the audit trail says the venue could not be booked.
 */
@Component("inviteMeeting")
class InviteMeeting implements JavaDelegate {

    static final int MEETING_HOURS = 2;

    private final IssueService issues;
    private final IssueMails mails;
    private final CaseAccess access;
    private final CaseLog log;
    private final BookingService bookings;
    private final Venues venues;
    private final Directory directory;
    private final IssueSummary summary;

    InviteMeeting(IssueService issues, IssueMails mails, CaseAccess access, CaseLog log, BookingService bookings,
                  Venues venues, Directory directory, IssueSummary summary) {
        this.issues = issues;
        this.mails = mails;
        this.access = access;
        this.log = log;
        this.bookings = bookings;
        this.venues = venues;
        this.directory = directory;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        String group = variables.meetingGroup();
        String unit = directory.unitName(group);
        var start = issues.meetingTime();
        Optional<Booking> booking = bookings.bookForUnit(group, unit, start.toLocalDateTime(), MEETING_HOURS,
                execution.getProcessBusinessKey() + " 联席会议");
        String place = booking.map(b -> placeOf(b.venueCode())).orElse(unit + "会议室");
        if (booking.isPresent()) {
            start = booking.get().start().atZone(start.getZone());
            variables.setMeetingBooking(booking.get().code());
            variables.setMeetingVenue(booking.get().venueCode());
        }
        MeetingSlots.setTime(variables, start, place);
        summary.update(execution);
        access.open(execution.getProcessInstanceId(), List.of(group));
        mails.meetingInvitation(variables.mail(), start, place);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "MEETING_CONVENED",
                CaseLabels.levelLabel(variables.level()) + "联席会议 " + variables.meetingTimeLabel() + "，" + place
                        + (booking.isPresent() ? "，场地预约号 " + booking.get().code() : "，未能预约场地（无空闲时段）"));
    }

    /** The venue as invitations and forms name it: 东莱北片区党群服务中心（地址）. */
    private String placeOf(String venueCode) {
        return venues.find(venueCode).map(v -> v.name() + "（" + v.address() + "）").orElse(venueCode);
    }
}
