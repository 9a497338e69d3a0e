package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录不接单: with its reason, for the city center to reassign. */
@Component("declineOrder")
class DeclineOrder implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    DeclineOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        orders.decline(execution.getProcessBusinessKey(), v.reason());
        cases.record(execution, v, "DECLINED", v.reason());
    }
}
