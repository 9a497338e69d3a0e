package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 派至部门: by dispatch or after the city center's reassignment; the department now sees the order. */
@Component("assignOrder")
class AssignOrder implements JavaDelegate {

    private final CommunityOrders orders;
    private final ResourceCases cases;

    AssignOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        String dept = v.deptCode();
        orders.assign(execution.getProcessBusinessKey(), dept);
        cases.department(execution, v, dept);
        cases.record(execution, v, "DISPATCHED", v.deptName());
    }
}
