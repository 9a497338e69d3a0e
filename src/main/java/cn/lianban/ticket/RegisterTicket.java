package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Grid;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;
import cn.lianban.pairing.AgencyMember;

/** 登记: checks the ticket, gives it its TK key (shown as {@code caseNo}) and opens it to the community and its street. */
@Component("registerTicket")
public class RegisterTicket implements JavaDelegate {

    private final TicketService tickets;
    private final CaseAccess access;
    private final TicketSteps steps;
    private final TicketStatus status;
    private final Directory directory;

    public RegisterTicket(TicketService tickets, CaseAccess access, TicketSteps steps, TicketStatus status,
                          Directory directory) {
        this.tickets = tickets;
        this.access = access;
        this.steps = steps;
        this.status = status;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var raiser = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        TicketService.Raised raised = tickets.raise(execution.getVariables(), raiser == null ? null : raiser.getGroupIds());
        execution.setProcessBusinessKey(raised.businessKey());
        execution.setVariable("caseNo", raised.businessKey());
        Placement p = raised.placement();
        execution.setVariable("itemCode", raised.itemCode());
        // the unit as checked, filled from the login when the form left it empty
        execution.setVariable("communityCode", p.community().code());
        execution.setVariable("gridCode", raised.gridCode());
        execution.setVariable("communityName", p.community().name());
        execution.setVariable("gridName", raised.gridCode() == null ? null
                : directory.grid(raised.gridCode()).map(Grid::name).orElse(null));
        execution.setVariable("streetCode", p.street().code());
        execution.setVariable("communityGroup", UnitType.COMMUNITY.group(p.community().code()));
        execution.setVariable("streetGroup", UnitType.STREET.group(p.street().code()));
        execution.setVariable("returns", 0L);
        execution.setVariable("reopens", 0L);
        execution.setVariable("acceptedBy", null);
        status.enter(execution, TicketStatus.DISPATCHING);
        access.open(execution.getProcessInstanceId(), List.of(UnitType.COMMUNITY.group(p.community().code()),
                UnitType.STREET.group(p.street().code())));
        AgencyMember member = raised.member();
        execution.setVariable("memberId", member == null ? null : member.id());
        execution.setVariable("memberName", member == null ? null : member.name());
        steps.record(steps.entry(execution, "RAISED", (member == null ? "" : "下沉机关党员 " + member.name() + " 吹哨：")
                + TicketSteps.text(execution, "description")));
    }
}
