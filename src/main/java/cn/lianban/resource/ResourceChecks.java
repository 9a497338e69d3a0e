package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks on completing the user tasks of claims and community orders. A failed check throws, so the task
 * stays open and the user sees the message; what passes is normalised.
 */
@Component("resourceChecks")
public class ResourceChecks implements TaskListener {

    private final ResourceClaims claims;
    private final CommunityOrders orders;

    public ResourceChecks(ResourceClaims claims, CommunityOrders orders) {
        this.claims = claims;
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "approveClaim" -> task.setVariable("reason",
                    claims.checkDecision(task.getVariable("approved"), task.getVariable("reason")));
            case "deliver" -> task.setVariable("deliveryNote", claims.checkDelivery(task.getVariable("deliveryNote")));
            case "confirmDelivery" -> task.setVariable("comment",
                    claims.checkReceipt(task.getVariable("received"), task.getVariable("comment")));
            case "acceptOrder" -> task.setVariable("reason",
                    orders.checkAcceptance(task.getVariable("accepted"), task.getVariable("reason")));
            case "reassignOrder" -> task.setVariable("deptCode", orders.checkDepartment(task.getVariable("deptCode")));
            case "completeOrder" -> task.setVariable("amount",
                    orders.checkCompletion(task.getVariable("result"), task.getVariable("amount")));
            case "confirmOrder" -> task.setVariable("comment",
                    orders.checkConfirmation(task.getVariable("confirmed"), task.getVariable("comment")));
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }
}
