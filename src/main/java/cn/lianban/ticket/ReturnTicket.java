package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.LocalTimes;

/** 退单: a department returns a wrongly dispatched ticket with its reason; the count decides who acts next. */
@Component("returnTicket")
public class ReturnTicket implements JavaDelegate {

    private final TicketSteps steps;

    public ReturnTicket(TicketSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long returns = TicketSteps.count(execution, "returns") + 1;
        execution.setVariable("returns", returns);
        String dept = steps.deptName(TicketSteps.text(execution, "deptCode"));
        String reason = TicketSteps.text(execution, "returnReason");
        // one line each, so the street reads every department's reason and not only the last one
        String line = "- 第" + returns + "次 · " + dept + " · " + LocalTimes.minutes(TicketSteps.now()) + "："
                + reason.replaceAll("\\s+", " ").trim();
        String history = TicketSteps.text(execution, TicketSteps.RETURN_HISTORY);
        execution.setVariable(TicketSteps.RETURN_HISTORY, history == null ? line : history + "\n" + line);
        execution.setVariable(TicketSteps.STREET_REASON, returns >= 2
                ? "已被退单" + returns + "次，须由街道裁定承办部门，裁定后不得再退单。"
                : dept + "退单，请核实后改派。");
        steps.record(steps.entry(execution, "RETURNED", "第" + returns + "次退单：" + reason));
    }
}
