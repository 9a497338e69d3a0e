package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录接单. */
@Component("takeOrder")
class TakeOrder implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    TakeOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        orders.accept(execution.getProcessBusinessKey());
        cases.record(execution, v, "ACCEPTED", null);
    }
}
