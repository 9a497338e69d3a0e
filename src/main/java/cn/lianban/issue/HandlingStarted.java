package cn.lianban.issue;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/**
 * On (re)entering 办理: opens the case to the handling units (the community's grid workers too at levels 1–2),
 * tells the lead by mail, and gives the handling forms the story of earlier rounds.
 */
@Component("handlingStarted")
class HandlingStarted implements ExecutionListener {

    static final String NO_RESULT_YET = "本轮尚未报告办理结果";

    private final CaseAccess access;
    private final IssueMails mails;
    private final HandlingRounds rounds;

    HandlingStarted(CaseAccess access, IssueMails mails, HandlingRounds rounds) {
        this.access = access;
        this.mails = mails;
        this.rounds = rounds;
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
    }
}
