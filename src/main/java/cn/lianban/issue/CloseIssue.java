package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/** 销号: the community is satisfied; the case closes and the community gets the record by mail. */
@Component("closeIssue")
class CloseIssue implements JavaDelegate {

    private final IssueMails mails;
    private final CaseLog log;
    private final IssueStatusListener status;

    CloseIssue(IssueMails mails, CaseLog log, IssueStatusListener status) {
        this.status = status;
        this.mails = mails;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        status.enter(execution, IssueStatus.CLOSED);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "CLOSED",
                "满意度 " + variables.satisfaction());
        mails.closed(variables.mail());
    }
}
