package cn.lianban.ticket;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/** The ticket reaches a department: the 24-hour response clock starts, the department and the paired agency hear of it. */
@Component("openAcceptance")
class OpenAcceptance implements JavaDelegate {

    private final TicketService tickets;
    private final TicketMails mails;
    private final CaseAccess access;
    private final TicketLog log;

    OpenAcceptance(TicketService tickets, TicketMails mails, CaseAccess access, TicketLog log) {
        this.tickets = tickets;
        this.mails = mails;
        this.access = access;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        Instant acceptBy = tickets.acceptBy();
        ticket.setAcceptBy(acceptBy);
        String dept = ticket.deptCode();
        ticket.setDepartment(dept, tickets.deptName(dept));
        access.open(execution.getProcessInstanceId(), List.of(UnitType.DEPT.group(dept)));
        log.record(log.entry(execution, "DISPATCHED", "派至" + ticket.deptName()).due(acceptBy));
        mails.dispatched(TicketMail.of(ticket));
    }
}
