package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;

/**
 * 提级: the city center pulls the case up to the level it chose, with its reason; started by {@link IssueRaise} in
 * place of wherever the case stood. A case on the register leaves it.
 */
@Component("raiseIssue")
class RaiseIssue implements JavaDelegate {

    private final LevelChange change;
    private final IssueShelf shelf;
    private final CaseLog log;

    RaiseIssue(LevelChange change, IssueShelf shelf, CaseLog log) {
        this.change = change;
        this.shelf = shelf;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        int from = variables.level();
        int level = variables.raiseLevel();
        String reason = variables.raiseReason();
        if (ShelfState.ON_REGISTER.name().equals(variables.shelfState())) {
            shelf.leave(execution.getProcessBusinessKey(), ShelfState.RAISED, "市中心提级：" + reason, false);
            variables.setShelfState(ShelfState.RAISED);
        }
        variables.clearRaiseRequest();
        variables.setEscalationReason(EscalationReason.CENTER_RAISE);
        change.moveTo(execution, variables, level);
        log.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "CENTER_RAISED",
                CaseLabels.levelLabel(from) + " → " + CaseLabels.levelLabel(level) + "，理由：" + reason);
        change.announce(execution, variables);
    }
}
