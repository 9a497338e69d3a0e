package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.directory.UnitType;
import cn.lianban.pairing.AgencyMember;
import cn.lianban.security.CaseAccess;

/** 登记: checks the ticket, gives it its TK key (shown as {@code caseNo}) and opens it to the community and its street. */
@Component("registerTicket")
class RegisterTicket implements JavaDelegate {

    private final TicketService tickets;
    private final CaseAccess access;
    private final TicketLog log;
    private final TicketStatusListener status;

    RegisterTicket(TicketService tickets, CaseAccess access, TicketLog log, TicketStatusListener status) {
        this.tickets = tickets;
        this.access = access;
        this.log = log;
        this.status = status;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        var raiser = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        TicketService.Raised raised = tickets.raise(ticket.raising(), raiser == null ? null : raiser.getGroupIds());
        execution.setProcessBusinessKey(raised.businessKey());
        ticket.setRaised(raised);
        status.enter(execution, TicketStatus.DISPATCHING);
        access.open(execution.getProcessInstanceId(), List.of(UnitType.COMMUNITY.group(ticket.communityCode()),
                UnitType.STREET.group(ticket.streetCode())));
        AgencyMember member = raised.member();
        log.record(log.entry(execution, "RAISED", (member == null ? "" : "下沉机关党员 " + member.name() + " 吹哨：")
                + ticket.description()));
    }
}
