package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.LocalTimes;

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
        execution.setVariable(TicketSteps.STREET_REASON, steps.deptName(TicketSteps.text(execution, "deptCode"))
                + "未在 24 小时内接单（时限 " + LocalTimes.minutes(TicketSteps.instant(execution, "acceptBy"))
                + "），请核实后改派。");
        steps.record(steps.entry(execution, "ACCEPT_TIMEOUT", "24小时内未接单，转街道协调派单").onTime(false));
        mails.acceptTimedOut(execution);
    }
}
