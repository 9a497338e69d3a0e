package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;

/**
 * 挂账: the approver found the case cannot be solved now (at the approval of an escalation, or from the case page
 * while it is handled or waits for its joint meeting, which is then called off); it goes on the register with its reason and review date, and leaves the running clock (the
 * status step stops it) until the review.
 */
@Component("shelveIssue")
class ShelveIssue implements JavaDelegate {

    private final IssueStatusListener status;
    private final IssueShelf shelf;
    private final CaseLog log;
    private final MeetingCallOff meeting;

    ShelveIssue(IssueStatusListener status, IssueShelf shelf, CaseLog log, MeetingCallOff meeting) {
        this.status = status;
        this.shelf = shelf;
        this.log = log;
        this.meeting = meeting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        meeting.callOff(execution, "事项已挂账（" + variables.shelfLabel() + "）");
        variables.setShelfState(ShelfState.ON_REGISTER);
        status.enter(execution, IssueStatus.SHELVED);
        shelf.put(variables.shelfEntry(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                EngineClock.now().toInstant()));
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "SHELVED",
                variables.shelfLabel() + "；复核日期 " + LocalTimes.minutes(variables.shelfReviewAt()));
    }
}
