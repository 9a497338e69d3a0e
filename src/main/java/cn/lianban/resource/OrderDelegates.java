package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of process {@code community-order}, each a bean named as in the BPMN that hands its step to
 * {@link CommunityOrders} and records it. The task forms' answers were checked by {@link ResourceChecks}.
 */
@Configuration
class OrderDelegates {

    /** How much of the need an order's title shows. */
    static final int TITLE_NEED = 24;

    /** 登记点单: checks the order, gives it its RO key and opens it to the community. */
    @Bean
    JavaDelegate registerOrder(CommunityOrders orders, ResourceSteps steps) {
        return e -> {
            CommunityOrders.Order order = orders.order(e.getVariables(), ResourceSteps.starterGroups(e),
                    e.getProcessInstanceId());
            steps.register(e, order.businessKey(), title(order), order.place());
            e.setVariable("categoryName", order.categoryName());
            e.setVariable("need", order.need());
            ResourceSteps.setOrRemove(e, "amount", order.amount());
            steps.record(e, "ORDERED", "ORDERED", order.categoryName() + "：" + order.need());
        };
    }

    /** What the order is called on cards: its category and the start of its need. */
    static String title(CommunityOrders.Order order) {
        String need = order.need();
        return order.categoryName() + "：" + (need.codePointCount(0, need.length()) <= TITLE_NEED ? need
                : need.substring(0, need.offsetByCodePoints(0, TITLE_NEED)) + "…");
    }

    /** 系统派单: the order's category names the department. */
    @Bean
    JavaDelegate dispatchOrder(CommunityOrders orders) {
        return e -> e.setVariable("deptCode", orders.dispatch(ResourceSteps.text(e, "category")));
    }

    /** 派至部门: by dispatch or after the city center's reassignment; the department now sees the order. */
    @Bean
    JavaDelegate assignOrder(CommunityOrders orders, ResourceSteps steps) {
        return e -> {
            String dept = ResourceSteps.text(e, "deptCode");
            orders.assign(e.getProcessBusinessKey(), dept);
            steps.department(e, dept);
            steps.record(e, "DISPATCHED", "DISPATCHED", ResourceSteps.text(e, "deptName"));
        };
    }

    /** 记录接单. */
    @Bean
    JavaDelegate takeOrder(CommunityOrders orders, ResourceSteps steps) {
        return steps.step(null, (key, none) -> orders.accept(key), "ACCEPTED", "ACCEPTED");
    }

    /** 记录不接单: with its reason, for the city center to reassign. */
    @Bean
    JavaDelegate declineOrder(CommunityOrders orders, ResourceSteps steps) {
        return steps.step("reason", orders::decline, "DECLINED", "DECLINED");
    }

    /** 记录办结: the result and the yuan spent, which now count as used. */
    @Bean
    JavaDelegate recordOrderResult(CommunityOrders orders, ResourceSteps steps) {
        return e -> {
            String result = ResourceSteps.text(e, "result");
            orders.complete(e.getProcessBusinessKey(), result, ((Number) e.getVariable("amount")).longValue());
            steps.record(e, "COMPLETED", "COMPLETED", result);
        };
    }

    /** 未确认: back to the department. */
    @Bean
    JavaDelegate reopenOrder(CommunityOrders orders, ResourceSteps steps) {
        return steps.step("comment", orders::reopen, "ACCEPTED", "REOPENED");
    }

    /** 点单办结: the community confirms. */
    @Bean
    JavaDelegate closeOrder(CommunityOrders orders, ResourceSteps steps) {
        return steps.step("comment", orders::confirm, "CONFIRMED", "CONFIRMED");
    }
}
