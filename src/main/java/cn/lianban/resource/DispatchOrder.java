package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 系统派单: the department the community chose, else the category's; {@link AssignOrder} then gives it the order. */
@Component("dispatchOrder")
class DispatchOrder implements JavaDelegate {

    private final CommunityOrders orders;

    DispatchOrder(CommunityOrders orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        v.setDeptCode(orders.dispatch(v.category(), v.chosenDept()));
    }
}
