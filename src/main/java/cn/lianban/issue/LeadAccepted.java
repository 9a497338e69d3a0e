package cn.lianban.issue;

import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.common.Grants;

/**
 * 签收: the handler takes the 牵头办理 task (claims it in Tasklist, or completes it unclaimed) while an acceptance is
 * waiting. Records when and whether on time (a department's figure, case_event LEAD_ACCEPTED with on_time), and
 * the card's clock counts down to the handling deadline again. Called on the task's assignment and by the check.
 */
@Component("leadAccepted")
class LeadAccepted implements TaskListener {

    static final String ACTION = "LEAD_ACCEPTED";

    private final CaseLog log;
    private final IssueLabels labels;
    private final IssueSummary summary;
    private final RuntimeService runtime;
    private final Grants grants;

    LeadAccepted(CaseLog log, IssueLabels labels, IssueSummary summary, RuntimeService runtime, Grants grants) {
        this.runtime = runtime;
        this.grants = grants;
        this.log = log;
        this.labels = labels;
        this.summary = summary;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null && acceptIfPending(task)) {
            // the claimant may not write variables itself; the change is the process's
            grants.asSystem(() -> {
                IssueVariables.publishAccepted(runtime, task.getProcessInstanceId());
                return null;
            });
        }
    }

    /** @return whether an acceptance was waiting and is now recorded */
    boolean acceptIfPending(DelegateTask task) {
        IssueVariables variables = new IssueVariables(task);
        if (!variables.acceptPending()) {
            return false;
        }
        Instant now = EngineClock.now().toInstant();
        Instant acceptBy = variables.acceptBy();
        variables.accepted(now);
        int level = variables.level();
        String dept = level <= 2 ? null : variables.leadDept();
        String who = dept == null ? variables.communityName() : labels.deptName(dept);
        log.record(new CaseLog.Entry(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(), ACTION,
                IssueSupervision.acceptanceNote(who, variables.acceptFrom(), acceptBy, now)).dept(dept)
                .place(variables.communityCode(), null)
                .onTime(!now.isAfter(acceptBy)).due(acceptBy));
        summary.update(task.getExecution());
        return true;
    }
}
