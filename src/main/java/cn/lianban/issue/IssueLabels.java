package cn.lianban.issue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLabels;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;

/**
 * The words Tasklist cards and forms show for a case's codes (colour, level, departments, escalation reason).
 * Written by the process whenever a code changes, never by a form, so a card never shows YELLOW or 3. Public only
 * because BPMN expressions can call methods of public classes alone.
 */
@Component("issueLabels")
public class IssueLabels {

    private final Directory directory;

    IssueLabels(Directory directory) {
        this.directory = directory;
    }

    /** After the decision table proposed a colour (BPMN end listener of proposeColor). */
    public void proposal(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        variables.setProposedColorLabel(CaseLabels.colorName(variables.proposedColor()));
    }

    /** Why the case asks to go up (BPMN take listeners of the flows into 可再升级？). */
    public void escalation(DelegateExecution execution, String reason) {
        new IssueVariables(execution).setEscalationReason(EscalationReason.valueOf(reason));
    }

    /**
     * Colour, level and who leads, from the case's codes. At levels 1–2 the community itself leads; above, the lead
     * department, marked as a proposal while the joint meeting has still to confirm it.
     */
    void apply(IssueVariables variables, boolean leadProposed) {
        variables.setColorLabel(CaseLabels.colorName(variables.color()));
        int level = variables.level();
        variables.setLevelLabel(CaseLabels.levelLabel(level));
        String leadDept = variables.leadDept();
        String lead;
        if (level <= 2) {
            lead = variables.communityName();
        } else if (leadDept == null) {
            lead = "待联席会商确定";
        } else {
            lead = deptName(leadDept) + (leadProposed ? "（建议）" : "");
        }
        variables.setLeadDeptName(lead);
        variables.setCoDeptsLabel(String.join("、", deptNames(variables.coDepts())));
    }

    String deptName(String code) {
        return code == null ? "" : directory.department(code).map(Department::name).orElse(code);
    }

    /** A unit's name by its group (a community's, for the evaluation of a merged case). */
    String unitName(String group) {
        return directory.unitName(group);
    }

    List<String> deptNames(List<String> codes) {
        return codes.stream().map(this::deptName).toList();
    }
}
