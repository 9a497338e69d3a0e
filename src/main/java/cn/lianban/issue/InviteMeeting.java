package cn.lianban.issue;

import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.directory.Directory;
import cn.lianban.security.CaseAccess;

/**
 * Convenes the joint meeting (联席会议) at the handling level: invites the participants with a calendar entry for
 * the venue and time the convener chose and booked before ({@link MeetingSlots#schedule}). When no free slot could
 * be offered the meeting is still convened, at the unit's office, and the audit trail says the venue could not be
 * booked.
 */
@Component("inviteMeeting")
class InviteMeeting implements JavaDelegate {

    static final int MEETING_HOURS = 2;

    private final IssueService issues;
    private final IssueMails mails;
    private final CaseAccess access;
    private final CaseLog log;
    private final Directory directory;
    private final IssueSummary summary;

    InviteMeeting(IssueService issues, IssueMails mails, CaseAccess access, CaseLog log, Directory directory,
                  IssueSummary summary) {
        this.issues = issues;
        this.mails = mails;
        this.access = access;
        this.log = log;
        this.directory = directory;
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        String group = variables.meetingGroup();
        String booking = variables.meetingBooking();
        if (booking == null) {
            // no free slot was offered to choose from: the unit's office, from 09:00 the next working day
            String unit = directory.unitName(group);
            MeetingSlots.setTime(variables, issues.meetingTime(), unit + "会议室");
        }
        ZonedDateTime start = variables.meetingAt().atZone(EngineClock.ZONE);
        String place = variables.meetingPlace();
        summary.update(execution);
        access.open(execution.getProcessInstanceId(), List.of(group));
        mails.meetingInvitation(variables.mail(), start, place);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "MEETING_CONVENED",
                CaseLabels.levelLabel(variables.level()) + "联席会议 " + variables.meetingTimeLabel() + "，" + place
                        + (booking != null ? "，场地预约号 " + booking : "，未能预约场地（无空闲时段）"));
    }
}
