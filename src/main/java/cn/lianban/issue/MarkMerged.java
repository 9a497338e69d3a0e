package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 并入主案: the case was merged into another at that case's rating; it ends as 已并案, its clock stopped. */
@Component("markMerged")
class MarkMerged implements JavaDelegate {

    private final IssueMerges merges;
    private final IssueStatusListener status;

    MarkMerged(IssueMerges merges, IssueStatusListener status) {
        this.merges = merges;
        this.status = status;
    }

    @Override
    public void execute(DelegateExecution execution) {
        status.enter(execution, IssueStatus.MERGED);
        merges.recordMergedInto(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                new IssueVariables(execution).mergedInto());
    }
}
