package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.LocalTimes;

/** 办结: records when the department finished and whether within the limit; the community confirms next. */
@Component("resolveTicket")
public class ResolveTicket implements JavaDelegate {

    private final TicketSteps steps;

    public ResolveTicket(TicketSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var now = TicketSteps.now();
        execution.setVariable("resolvedAt", now);
        execution.setVariable("resolvedAtLabel", LocalTimes.minutes(now));
        boolean onTime = !now.toInstant().isAfter(TicketSteps.instant(execution, "resolveBy"));
        steps.record(steps.entry(execution, "RESOLVED", TicketSteps.text(execution, "result")).onTime(onTime));
    }
}
