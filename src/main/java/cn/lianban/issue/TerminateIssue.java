package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/**
 * 终止办理: the review of a case on the register ends it with a recorded reason. The case closes (contract status
 * CLOSED) under its own words, 已终止办理, and not as 销号: nobody evaluated a result.
 */
@Component("terminateIssue")
class TerminateIssue implements JavaDelegate {

    private final IssueStatusListener status;
    private final CaseLog log;

    TerminateIssue(IssueStatusListener status, CaseLog log) {
        this.status = status;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        status.enter(execution, IssueStatus.TERMINATED);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "TERMINATED",
                "挂账原因：" + variables.shelfLabel() + "；终止理由：" + variables.shelfNote());
    }
}
