package cn.lianban.resource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Enters a claim's status, called by the BPMN: {@code ${claimStatus.enter(execution, 'APPROVED')}}. Public because
 * the engine's expression language calls only public methods of public classes.
 */
@Component("claimStatus")
public class ClaimStatusListener {

    public void enter(DelegateExecution execution, String status) {
        new ClaimVariables(execution).setStatus(ClaimStatus.valueOf(status));
    }
}
