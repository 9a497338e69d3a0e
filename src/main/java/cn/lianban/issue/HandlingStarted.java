package cn.lianban.issue;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/**
 * On (re)entering 办理: opens the case to the handling units (at level 1 the workers of the case's grid, or of every
 * grid of the community), tells the lead by mail, and gives the handling forms the story of earlier rounds; opens the
 * acceptance (签收) a new handler owes, and tells the lead whether it may still ask for an extension.
 */
@Component("handlingStarted")
class HandlingStarted implements ExecutionListener {

    static final String NO_RESULT_YET = "本轮尚未报告办理结果";

    private final CaseAccess access;
    private final IssueMails mails;
    private final HandlingRounds rounds;
    private final IssueSupervision supervision;
    private final IssueSummary summary;

    HandlingStarted(CaseAccess access, IssueMails mails, HandlingRounds rounds, IssueSupervision supervision,
                    IssueSummary summary) {
        this.access = access;
        this.mails = mails;
        this.rounds = rounds;
        this.supervision = supervision;
        this.summary = summary;
    }

    @Override
    public void notify(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        List<String> groups = new ArrayList<>();
        groups.add(variables.handleGroup());
        groups.addAll(variables.handleGridGroups());
        variables.coDepts().forEach(d -> groups.add(UnitType.DEPT.group(d)));
        access.open(execution.getProcessInstanceId(), groups);
        variables.setRoundResult(NO_RESULT_YET);
        rounds.refresh(execution);
        mails.assigned(variables.mail());
        // 签收: a handler newly given the case (交办, 会商) accepts within the colour's hours; the card counts down to it
        if (variables.acceptPending()) {
            variables.setSupervisorGroup(supervision.supervisorGroup(variables.level(), variables.communityCode()));
            variables.startAcceptanceClock(IssueSupervision.waitingLabel(variables.acceptBy()));
            summary.update(execution);
        } else {
            variables.setAcceptByToDue();
        }
        variables.setExtensionNote(supervision.extensionNote(variables.color(), variables.extensions(),
                variables.deadlineSetAt()));
    }
}
