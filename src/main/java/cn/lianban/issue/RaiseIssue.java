package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.CaseLog;

/**
 * 提级: the city center pulls the case up to the level it chose, with its reason; started by {@link IssueRaise} in
 * place of wherever the case stood. A case on the register leaves it; a meeting it was waiting for is called off.
 */
@Component("raiseIssue")
class RaiseIssue implements JavaDelegate {

    private final LevelChange change;
    private final IssueShelf shelf;
    private final CaseLog log;
    private final MeetingCallOff meeting;

    RaiseIssue(LevelChange change, IssueShelf shelf, CaseLog log, MeetingCallOff meeting) {
        this.change = change;
        this.shelf = shelf;
        this.log = log;
        this.meeting = meeting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        int from = variables.level();
        int level = variables.raiseLevel();
        String reason = variables.raiseReason();
        // the meeting of the old level is off; the new level convenes its own
        meeting.callOff(execution, "市中心提级至" + CaseLabels.levelLabel(level) + "，由新的层级重新召集");
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
