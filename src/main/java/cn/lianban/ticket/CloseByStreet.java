package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 裁定办结: the street desk closes the ticket as decided, without the community's confirmation or a visit; it
 * ends CLOSED like a rated ticket, but with no score and no CLOSED event, so the 三率 do not count it solved.
 */
@Component("closeByStreet")
class CloseByStreet implements JavaDelegate {

    private final TicketLog log;
    private final TicketStatusListener status;

    CloseByStreet(TicketLog log, TicketStatusListener status) {
        this.log = log;
        this.status = status;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String note = new TicketVariables(execution).decisionNote();
        status.enter(execution, TicketStatus.CLOSED);
        log.record(log.entry(execution, "STREET_CLOSED", "街道裁定办结：" + note));
    }
}
