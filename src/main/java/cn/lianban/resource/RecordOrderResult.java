package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录办结: the result and the yuan spent, which now count as used. */
@Component("recordOrderResult")
class RecordOrderResult implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    RecordOrderResult(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        orders.complete(execution.getProcessBusinessKey(), v.result(), v.amount());
        cases.record(execution, v, "COMPLETED", v.result());
    }
}
