package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.security.CaseAccess;

/** Convenes the joint meeting (联席会议) at the handling level and invites the participants with a calendar entry. */
@Component("inviteMeeting")
public class InviteMeeting implements JavaDelegate {

    private final IssueService issues;
    private final IssueMails mails;
    private final CaseAccess access;
    private final CaseLog log;

    public InviteMeeting(IssueService issues, IssueMails mails, CaseAccess access, CaseLog log) {
        this.issues = issues;
        this.mails = mails;
        this.access = access;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var start = issues.meetingTime();
        execution.setVariable("meetingAt", java.util.Date.from(start.toInstant()));
        access.open(execution.getProcessInstanceId(), java.util.List.of(IssueVariables.text(execution, "meetingGroup")));
        mails.meetingInvitation(execution, start);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "MEETING_CONVENED",
                Levels.chineseName(IssueVariables.level(execution)) + "联席会议 " + start.toLocalDateTime());
    }
}
