package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记点单: checks the order, gives it its RO key and opens it to the community. */
@Component("registerOrder")
class RegisterOrder implements JavaDelegate {

    /** How much of the need an order's title shows. */
    static final int TITLE_NEED = 24;

    private final CommunityOrders orders;
    private final ResourceCases cases;

    RegisterOrder(CommunityOrders orders, ResourceCases cases) {
        this.orders = orders;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderVariables v = new OrderVariables(execution);
        CommunityOrders.Order order = orders.order(v.startAnswers(), ResourceCases.starterGroups(execution),
                execution.getProcessInstanceId());
        cases.register(execution, v, order.businessKey(), title(order), order.place());
        v.setOrder(order);
        cases.record(execution, v, "ORDERED", order.categoryName() + "：" + order.need());
    }

    /** What the order is called on cards: its category and the start of its need. */
    static String title(CommunityOrders.Order order) {
        String need = order.need();
        return order.categoryName() + "：" + (need.codePointCount(0, need.length()) <= TITLE_NEED ? need
                : need.substring(0, need.offsetByCodePoints(0, TITLE_NEED)) + "…");
    }
}
