package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of process {@code resource-claim}, each a bean named as in the BPMN that hands its step to
 * {@link ResourceClaims} and records it. The task forms' answers were checked by {@link ResourceChecks}.
 */
@Configuration
class ClaimDelegates {

    /**
     * 登记承接: checks the claim, gives it its RC key and the item's name as its title, and opens it to the community
     * and the item's department.
     */
    @Bean
    JavaDelegate registerClaim(ResourceClaims claims, ResourceList list, ResourceSteps steps) {
        return e -> {
            ResourceClaims.Claim claim = claims.claim(e.getVariables(), ResourceSteps.starterGroups(e),
                    e.getProcessInstanceId());
            ResourceItem item = claim.item();
            steps.register(e, claim.businessKey(), item.name(), claim.place());
            steps.department(e, item.deptCode());
            e.setVariable("itemCode", item.code());
            e.setVariable("categoryName", list.categories().get(item.category()));
            e.setVariable("need", claim.need());
            ResourceSteps.setOrRemove(e, "amount", claim.amount());
            ResourceSteps.setOrRemove(e, "places", claim.places());
            steps.record(e, "CLAIMED", "CLAIMED", item.code() + " " + item.name() + "：" + claim.need());
        };
    }

    /** 预留: the item's budget or places are reserved at once; too few left refuses the claim and stores nothing. */
    @Bean
    JavaDelegate reserveResource(ResourceClaims claims, ResourceSteps steps) {
        return steps.step(null, (key, none) -> claims.reserve(key), "CLAIMED", "RESERVED");
    }

    /** 批准承接. */
    @Bean
    JavaDelegate grantClaim(ResourceClaims claims, ResourceSteps steps) {
        return steps.step(null, (key, none) -> claims.approve(key), "APPROVED", "APPROVED");
    }

    /** 驳回: with its reason; the reservation goes back to the item. */
    @Bean
    JavaDelegate rejectClaim(ResourceClaims claims, ResourceSteps steps) {
        return steps.step("reason", claims::reject, "REJECTED", "REJECTED");
    }

    /** 记录交付: what the department delivered now counts as used. */
    @Bean
    JavaDelegate recordDelivery(ResourceClaims claims, ResourceSteps steps) {
        return steps.step("deliveryNote", claims::deliver, "DELIVERED", "DELIVERED");
    }

    /** 未收到: back to the department to deliver again. */
    @Bean
    JavaDelegate redeliverClaim(ResourceClaims claims, ResourceSteps steps) {
        return steps.step("comment", claims::redeliver, "APPROVED", "NOT_RECEIVED");
    }

    /** 承接完成: the community has received it. */
    @Bean
    JavaDelegate closeClaim(ResourceClaims claims, ResourceSteps steps) {
        return steps.step("comment", claims::confirm, "CONFIRMED", "CONFIRMED");
    }
}
