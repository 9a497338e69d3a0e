package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.Deadline;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/** The street office's decision after a second return is final: the department handles it without a further accept step. */
@Component("imposeDepartment")
public class ImposeDepartment implements JavaDelegate {

    private final TicketService tickets;
    private final CaseAccess access;
    private final TicketSteps steps;

    public ImposeDepartment(TicketService tickets, CaseAccess access, TicketSteps steps) {
        this.tickets = tickets;
        this.access = access;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String dept = TicketSteps.text(execution, "deptCode");
        steps.department(execution, dept);
        access.open(execution.getProcessInstanceId(), List.of(UnitType.DEPT.group(dept)));
        TicketDeadlines.accepted(execution, TicketSteps.now());
        Deadline deadline = tickets.resolveDeadline((int) TicketSteps.count(execution, "resolveDays"));
        TicketDeadlines.set(execution, deadline);
        steps.record(steps.entry(execution, "IMPOSED", "街道裁定由" + steps.deptName(dept) + "承办："
                + TicketSteps.text(execution, "decisionNote")).due(deadline.due().toInstant()));
    }
}
