package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 未收到: back to the department to deliver again. */
@Component("redeliverClaim")
class RedeliverClaim implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceCases cases;

    RedeliverClaim(ResourceClaims claims, ResourceCases cases) {
        this.claims = claims;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        claims.redeliver(execution.getProcessBusinessKey(), v.comment());
        cases.record(execution, v, "NOT_RECEIVED", v.comment());
    }
}
