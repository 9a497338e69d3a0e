package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 未确认: back to the department. */
@Component("reopenOrder")
class ReopenOrder implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    ReopenOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        orders.reopen(execution.getProcessBusinessKey(), v.comment());
        cases.record(execution, v, "REOPENED", v.comment());
    }
}
