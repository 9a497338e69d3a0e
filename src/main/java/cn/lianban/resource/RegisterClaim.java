package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记承接: checks the claim, gives it its RC key and the item's name as its title, and opens it to the community
 * and the item's department.
 */
@Component("registerClaim")
class RegisterClaim implements JavaDelegate {

    private final ResourceClaims claims;
    private final ResourceList list;
    private final ResourceCases cases;

    RegisterClaim(ResourceClaims claims, ResourceList list, ResourceCases cases) {
        this.claims = claims;
        this.list = list;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimVariables v = new ClaimVariables(execution);
        ResourceClaims.Claim claim = claims.claim(v.startAnswers(), ResourceCases.starterGroups(execution),
                execution.getProcessInstanceId());
        ResourceItem item = claim.item();
        cases.register(execution, v, claim.businessKey(), item.name(), claim.place());
        cases.department(execution, v, item.deptCode());
        v.setClaim(claim, list.categories().get(item.category()));
        cases.record(execution, v, "CLAIMED", item.code() + " " + item.name() + "：" + claim.need());
    }
}
