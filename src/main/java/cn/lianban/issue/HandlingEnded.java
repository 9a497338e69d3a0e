package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On leaving 办理, done or cut short by the time limit: an acceptance still waiting ends with it, so its 督办 task and
 * timers end too (their conditional events watch {@code acceptPending}).
 */
@Component("handlingEnded")
class HandlingEnded implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        new IssueVariables(execution).acceptanceEnded();
    }
}
