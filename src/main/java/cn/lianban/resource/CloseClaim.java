package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 承接完成: the community has received it. */
@Component("closeClaim")
class CloseClaim implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceCases cases;

    CloseClaim(ResourceClaims claims, ResourceCases cases) {
        this.claims = claims;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        claims.confirm(execution.getProcessBusinessKey(), v.comment());
        cases.record(execution, v, "CONFIRMED", v.comment());
    }
}
