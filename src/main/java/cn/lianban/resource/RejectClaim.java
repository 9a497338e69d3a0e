package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 驳回: with its reason; the reservation goes back to the item. */
@Component("rejectClaim")
class RejectClaim implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceCases cases;

    RejectClaim(ResourceClaims claims, ResourceCases cases) {
        this.claims = claims;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        claims.reject(execution.getProcessBusinessKey(), v.reason());
        cases.record(execution, v, "REJECTED", v.reason());
    }
}
