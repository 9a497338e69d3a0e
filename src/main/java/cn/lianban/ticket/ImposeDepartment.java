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
class ImposeDepartment implements JavaDelegate {

    private final TicketService tickets;
    private final CaseAccess access;
    private final TicketLog log;

    ImposeDepartment(TicketService tickets, CaseAccess access, TicketLog log) {
        this.tickets = tickets;
        this.access = access;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        String dept = ticket.deptCode();
        ticket.setDepartment(dept, tickets.deptName(dept));
        access.open(execution.getProcessInstanceId(), List.of(UnitType.DEPT.group(dept)));
        ticket.setAcceptedAt(tickets.now());
        Deadline deadline = tickets.resolveDeadline(ticket.resolveDays());
        ticket.setResolveDeadline(deadline);
        log.record(log.entry(execution, "IMPOSED", "街道裁定由" + ticket.deptName() + "承办："
                + ticket.decisionNote()).due(deadline.due().toInstant()));
    }
}
