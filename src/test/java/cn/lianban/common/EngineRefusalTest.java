package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response.Status;

/** What Camunda REST answers for an engine exception, as Camunda's REST resources wrap it. */
class EngineRefusalTest {

    @Test
    void theProjectsSentenceIsFoundUnderTheEnginesWrappers() {
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                        new UserInputException("deadline", "办理期限不能早于今天")),
                "Cannot submit task form 1f2e: ENGINE-03051 …");

        assertThat(EngineRefusal.fromCauses(wrapped)).contains(
                new EngineRefusal(400, new EngineRefusal.Body("UserInputException", "办理期限不能早于今天")));
    }

    /** Two completions of one task at the same instant: the second one's transaction fails at commit. */
    @Test
    void aConcurrentUpdateIsAConflict() {
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed"), "Cannot complete");

        assertThat(EngineRefusal.fromCauses(wrapped)).contains(new EngineRefusal(409,
                new EngineRefusal.Body("OptimisticLockingException", "该事项刚被他人更新，请刷新后重试")));
    }

    @Test
    void otherFailuresStayCamundas() {
        assertThat(EngineRefusal.fromCauses(new RestException(Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-09005 Could not parse BPMN process"), "Cannot deploy"))).isEmpty();
    }
}
