package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 超时退回中心: the department did not accept within 24 hours; the city center reassigns the order. */
@Component("returnOrder")
class ReturnOrder implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    ReturnOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        String reason = v.deptName() + "24小时内未接单，退回市城市党建服务中心改派";
        v.setReason(reason);
        orders.timeOut(execution.getProcessBusinessKey(), reason);
        cases.record(execution, v, "ACCEPT_TIMEOUT", reason);
    }
}
