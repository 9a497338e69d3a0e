package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 并入主案: the case was merged into another at that case's rating; it ends as 已并案, its clock stopped, and a joint
 * meeting it was waiting for is called off.
 */
@Component("markMerged")
class MarkMerged implements JavaDelegate {

    private final IssueMerges merges;
    private final IssueStatusListener status;
    private final MeetingCallOff meeting;

    MarkMerged(IssueMerges merges, IssueStatusListener status, MeetingCallOff meeting) {
        this.merges = merges;
        this.status = status;
        this.meeting = meeting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String mainKey = new IssueVariables(execution).mergedInto();
        meeting.callOff(execution, "事项已并入 " + mainKey + "，由主案统一办理");
        status.enter(execution, IssueStatus.MERGED);
        merges.recordMergedInto(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), mainKey);
    }
}
