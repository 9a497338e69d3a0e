package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.Deadline;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/**
 * The street office's decision after a second return is final: the department handles it without a further accept
 * step. The street desk's re-dispatch or order to redo (streetDecide) comes here too, with a fresh limit.
 */
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
        // after the street desk's decision on a ticket not solved or long overdue, the last result no longer stands
        ticket.setRedone();
        // the street's decide task (two returns) comes before any resolving, streetDecide only after: a REDO here
        // is streetDecide's
        String detail = StreetDecision.REDO.name().equals(ticket.streetDecision())
                ? "街道责令" + ticket.deptName() + "重新办理：" : "街道裁定由" + ticket.deptName() + "承办：";
        log.record(log.entry(execution, "IMPOSED", detail + ticket.decisionNote()).due(deadline.due().toInstant()));
    }
}
