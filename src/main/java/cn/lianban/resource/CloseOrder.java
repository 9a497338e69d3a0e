package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 点单办结: the community confirms. */
@Component("closeOrder")
class CloseOrder implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    CloseOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        orders.confirm(execution.getProcessBusinessKey(), v.comment());
        cases.record(execution, v, "CONFIRMED", v.comment());
    }
}
