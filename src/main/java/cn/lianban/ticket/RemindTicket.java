package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.LocalTimes;

/** One working day before the resolution limit: reminds the department, on the case page too (the ladder's first step). */
@Component("remindTicket")
class RemindTicket implements JavaDelegate {

    private final TicketMails mails;
    private final TicketLog log;

    RemindTicket(TicketMails mails, TicketLog log) {
        this.mails = mails;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        mails.reminder(TicketMail.of(ticket));
        log.record(log.entry(execution, "REMINDED",
                "距办理期限（" + LocalTimes.minutes(ticket.resolveBy()) + "）不足一个工作日，已提醒承办部门"));
    }
}
