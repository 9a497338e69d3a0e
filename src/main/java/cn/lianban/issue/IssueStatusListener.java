package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;

/**
 * Enters a status of the case, called by the BPMN on the state's first element ({@code
 * ${issueStatus.enter(execution, 'MEETING')}}): the process variable {@code status}, its Chinese {@code statusLabel}
 * for Tasklist cards and the issue_summary row change together, in the engine's transaction; the step's form opens
 * without the answers of its last round; a closed (or merged) case's clock stops, and so does a case put on the
 * register (挂账); a resident who reported the case hears of each new status by SMS ({@link IssueSms}). Public only because BPMN expressions can call methods of public classes alone.
 */
@Component("issueStatus")
public class IssueStatusListener {

    private final IssueSummary summary;
    private final IssueSms sms;

    IssueStatusListener(IssueSummary summary, IssueSms sms) {
        this.summary = summary;
        this.sms = sms;
    }

    public void enter(DelegateExecution execution, String status) {
        enter(execution, IssueStatus.valueOf(status));
    }

    void enter(DelegateExecution execution, IssueStatus status) {
        IssueVariables variables = new IssueVariables(execution);
        // a state entered again from itself (a second meeting element, a new round) is no news to the resident
        boolean changed = !status.label().equals(variables.statusLabel());
        variables.setStatus(status);
        variables.clearAnswers(status);
        if (status.code().equals(IssueStatus.CLOSED.name()) || status == IssueStatus.MERGED) {
            CaseClock.stop(execution);
        }
        if (status == IssueStatus.SHELVED) {
            // 挂账 leaves the running clock: no light, no due date, no 逾期 until the review restarts it
            CaseClock.stop(execution, IssueStatus.OFF_THE_CLOCK);
            variables.clearTimers();
        }
        summary.update(execution);
        if (changed) {
            sms.entered(variables, status);
        }
    }
}
