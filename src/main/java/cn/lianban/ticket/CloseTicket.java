package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 回访 done: the ticket closes as solved with its satisfaction score, the resident's own (through the rating link,
 * recorded as 居民评价 first) or the secretary's.
 */
@Component("closeTicket")
class CloseTicket implements JavaDelegate {

    private final TicketLog log;
    private final TicketStatusListener status;

    CloseTicket(TicketLog log, TicketStatusListener status) {
        this.log = log;
        this.status = status;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        int satisfaction = ticket.satisfaction();
        TicketCase.RatedBy by = ticket.ratedBy();
        if (by == TicketCase.RatedBy.RESIDENT) {
            String comment = ticket.residentComment();
            log.record(log.entry(execution, "RESIDENT_RATED", "反映人本人评价 " + satisfaction + " 分"
                    + (comment == null ? "" : "：" + comment)));
        }
        status.enter(execution, TicketStatus.CLOSED);
        String who = by == null ? "" : "（" + by.label() + "）";
        log.record(log.entry(execution, "CLOSED", "已解决，满意度 " + satisfaction + who).score(satisfaction));
    }
}
