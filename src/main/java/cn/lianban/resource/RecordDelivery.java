package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录交付: what the department delivered now counts as used. */
@Component("recordDelivery")
class RecordDelivery implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceCases cases;

    RecordDelivery(ResourceClaims claims, ResourceCases cases) {
        this.claims = claims;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        claims.deliver(execution.getProcessBusinessKey(), v.deliveryNote());
        cases.record(execution, v, "DELIVERED", v.deliveryNote());
    }
}
