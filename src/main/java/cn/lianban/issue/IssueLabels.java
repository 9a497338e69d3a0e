package cn.lianban.issue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;

/**
 * The words Tasklist cards and forms show for a case's codes (colour, level, departments, escalation reason).
 * Written by the process whenever a code changes, never by a form, so a card never shows YELLOW or 3.
 */
@Component("issueLabels")
public class IssueLabels {

    private final Directory directory;

    public IssueLabels(Directory directory) {
        this.directory = directory;
    }

    /** After the decision table proposed a colour (BPMN end listener of proposeColor). */
    public void proposal(DelegateExecution execution) {
        execution.setVariable("proposedColorLabel", CaseLabels.colorName(IssueVariables.text(execution, "proposedColor")));
    }

    /**
     * Colour, level and who leads, from the case's codes. At levels 1–2 the community itself leads; above, the lead
     * department, marked as a proposal while the joint meeting has still to confirm it.
     */
    public void apply(VariableScope scope, boolean leadProposed) {
        scope.setVariable("colorLabel", CaseLabels.colorName(IssueVariables.text(scope, "color")));
        int level = IssueVariables.level(scope);
        scope.setVariable("levelLabel", CaseLabels.levelLabel(level));
        String leadDept = IssueVariables.text(scope, "leadDept");
        String lead;
        if (level <= 2) {
            lead = IssueVariables.text(scope, "communityName");
        } else if (leadDept == null) {
            lead = "待联席会商确定";
        } else {
            lead = deptName(leadDept) + (leadProposed ? "（建议）" : "");
        }
        scope.setVariable("leadDeptName", lead);
        scope.setVariable("coDeptsLabel", String.join("、", deptNames(IssueVariables.departments(scope))));
    }

    /** Why the case asks to go up (BPMN take listeners of the flows into 可再升级？). */
    public void escalation(DelegateExecution execution, String reason) {
        EscalationReason r = EscalationReason.valueOf(reason);
        execution.setVariable("escalationReason", r.name());
        execution.setVariable("escalationReasonLabel", r.label());
    }

    String deptName(String code) {
        return code == null ? "" : directory.department(code).map(Department::name).orElse(code);
    }

    List<String> deptNames(List<String> codes) {
        return codes.stream().map(this::deptName).toList();
    }
}
