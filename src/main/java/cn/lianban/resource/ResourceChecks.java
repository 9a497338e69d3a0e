package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks on completing the user tasks of claims and community orders. A failed check throws, so the task
 * stays open and the user sees the message; what passes is normalised.
 */
@Component("resourceChecks")
class ResourceChecks implements TaskListener {

    private final ResourceClaims claims;
    private final CommunityOrders orders;

    ResourceChecks(ResourceClaims claims, CommunityOrders orders) {
        this.claims = claims;
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        ClaimVariables claim = new ClaimVariables(task);
        OrderVariables order = new OrderVariables(task);
        switch (task.getTaskDefinitionKey()) {
            case "approveClaim" -> claim.setReason(claims.checkDecision(claim.approved(), claim.reason()));
            case "deliver" -> claim.setDeliveryNote(claims.checkDelivery(claim.deliveryNote()));
            case "confirmDelivery" -> claim.setComment(claims.checkReceipt(claim.received(), claim.comment()));
            case "acceptOrder" -> order.setReason(orders.checkAcceptance(order.accepted(), order.reason()));
            case "reassignOrder" -> order.setDeptCode(orders.checkDepartment(order.deptCode()));
            case "completeOrder" -> order.setAmount(orders.checkCompletion(order.result(), order.amountAnswer()));
            case "confirmOrder" -> order.setComment(orders.checkConfirmation(order.confirmed(), order.comment()));
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }
}
