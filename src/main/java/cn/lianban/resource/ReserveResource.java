package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 预留: the item's budget or places are reserved at once; too few left refuses the claim and stores nothing. */
@Component("reserveResource")
class ReserveResource implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceCases cases;

    ReserveResource(ResourceClaims claims, ResourceCases cases) {
        this.claims = claims;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        claims.reserve(execution.getProcessBusinessKey());
        cases.record(execution, v, "RESERVED", null);
    }
}
