package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;
import cn.lianban.common.TimeLight;

/** Past the resolution limit: the ticket is marked overdue (it stays with the department) and the desk is told. */
@Component("markTicketOverdue")
public class MarkTicketOverdue implements JavaDelegate {

    private final TicketMails mails;
    private final TicketSteps steps;

    public MarkTicketOverdue(TicketMails mails, TicketSteps steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("overdue", true);
        // the resolution clock has just run out: the 时效灯 is red from this moment on
        CaseClock.light(execution, TimeLight.RED);
        steps.record(steps.entry(execution, "OVERDUE", "超过办理时限"));
        mails.overdue(execution);
    }
}
