package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not accepted within 24 hours: counted against the department, and the street desk dispatches again. */
@Component("acceptTimedOut")
public class AcceptTimedOut implements JavaDelegate {

    private final TicketMails mails;
    private final TicketSteps steps;

    public AcceptTimedOut(TicketMails mails, TicketSteps steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.record(steps.entry(execution, "ACCEPT_TIMEOUT", "24小时内未接单，转街道协调派单").onTime(false));
        mails.acceptTimedOut(execution);
    }
}
