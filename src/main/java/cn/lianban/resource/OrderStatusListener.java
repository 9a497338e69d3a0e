package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Enters a community order's status, called by the BPMN: {@code ${orderStatus.enter(execution, 'ACCEPTED')}}. Public because
 * the engine's expression language calls only public methods of public classes.
 */
@Component("orderStatus")
public class OrderStatusListener {

    public void enter(DelegateExecution execution, String status) {
        new OrderVariables(execution).setStatus(OrderStatus.valueOf(status));
    }
}
