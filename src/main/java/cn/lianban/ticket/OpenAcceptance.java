package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/** The ticket reaches a department: the 24-hour response clock starts, the department and the paired agency hear of it. */
@Component("openAcceptance")
public class OpenAcceptance implements JavaDelegate {

    private final TicketService tickets;
    private final TicketMails mails;
    private final CaseAccess access;
    private final TicketSteps steps;

    public OpenAcceptance(TicketService tickets, TicketMails mails, CaseAccess access, TicketSteps steps) {
        this.tickets = tickets;
        this.mails = mails;
        this.access = access;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var acceptBy = tickets.acceptBy();
        execution.setVariable("acceptBy", java.util.Date.from(acceptBy.toInstant()));
        // the previous department's reason is in the audit trail; the next department starts with a clean form
        execution.removeVariable("returnReason");
        String dept = TicketSteps.text(execution, "deptCode");
        steps.department(execution, dept);
        access.open(execution.getProcessInstanceId(), List.of(UnitType.DEPT.group(dept)));
        steps.record(steps.entry(execution, "DISPATCHED", "派至" + steps.deptName(dept)).due(acceptBy.toInstant()));
        mails.dispatched(execution);
    }
}
