package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;

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

    /** /engine-rest has the default engine; Tasklist's engine API (/camunda/api/engine) names it in the path. */
    @Test
    void aDatabaseThatCannotBeReachedIsUnavailableNotAServerError() {
        ProcessEngineException failed = new ProcessEngineException("ENGINE-03083 exception while executing Batch",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        assertThat(EngineRefusal.fromCauses(failed)).contains(new EngineRefusal(503,
                new EngineRefusal.Body("DatabaseUnavailable", "数据库暂时无法连接，请稍后再试")));
        assertThat(EngineRefusal.fromCauses(new ProcessEngineException("ENGINE-01234 something else"))).isEmpty();
    }

    @Test
    void aTaskCompletionIsRecognisedInBothRestApplications() {
        Matcher rest = EngineRefusalMapper.TASK_COMPLETION.matcher("task/4711/complete");
        Matcher tasklist = EngineRefusalMapper.TASK_COMPLETION.matcher("/engine/default/task/4711/submit-form");

        assertThat(rest.matches()).isTrue();
        assertThat(rest.group(1)).isNull();
        assertThat(rest.group(2)).isEqualTo("4711");
        assertThat(tasklist.matches()).isTrue();
        assertThat(tasklist.group(1)).isEqualTo("default");
        assertThat(tasklist.group(2)).isEqualTo("4711");
        assertThat(EngineRefusalMapper.TASK_COMPLETION.matcher("task/4711/claim").matches()).isFalse();
    }

    @Test
    void otherFailuresStayCamundas() {
        assertThat(EngineRefusal.fromCauses(new RestException(Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-09005 Could not parse BPMN process"), "Cannot deploy"))).isEmpty();
    }
}
