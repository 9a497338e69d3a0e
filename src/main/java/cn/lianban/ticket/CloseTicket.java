package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 回访 done: the ticket closes as solved with its satisfaction score. */
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
        int satisfaction = new TicketVariables(execution).satisfaction();
        status.enter(execution, TicketStatus.CLOSED);
        log.record(log.entry(execution, "CLOSED", "已解决，满意度 " + satisfaction).score(satisfaction));
    }
}
