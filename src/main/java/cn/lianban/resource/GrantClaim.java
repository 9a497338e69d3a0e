package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 批准承接. */
@Component("grantClaim")
class GrantClaim implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceCases cases;

    GrantClaim(ResourceClaims claims, ResourceCases cases) {
        this.claims = claims;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        claims.approve(execution.getProcessBusinessKey());
        cases.record(execution, v, "APPROVED", null);
    }
}
