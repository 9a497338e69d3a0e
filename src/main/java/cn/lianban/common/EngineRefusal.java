package cn.lianban.common;

import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

import cn.lianban.database.DatabaseOutage;

/**
 * How Camunda REST answers a start or a completion the engine refused because of the client: an HTTP status and
 * Camunda's own error body {@code {"type", "message"}} whose message is one Chinese sentence. Camunda wraps every
 * engine exception of these calls into "500 Cannot submit task form &lt;id&gt;: ENGINE-03051 … &lt;message&gt;";
 * the sentence meant for the user is the message of the project's exception deep in the cause chain.
 */
record EngineRefusal(int status, Body body) {

    /** Camunda's error body shape (its ExceptionDto without the engine's numeric code). */
    public record Body(String type, String message) {
    }

    static final String TASK_GONE = "该任务已办理完毕（可能已由他人提交），请刷新任务列表";
    static final String TASK_UNKNOWN = "找不到该任务，请刷新任务列表";
    static final String CONCURRENT_UPDATE = "该事项刚被他人更新，请刷新后重试";
    static final String CLAIMED = "该任务已被他人认领，请刷新任务列表";

    /**
     * The database cannot be reached (503); a check of the project refused the input (400); someone else changed
     * the case at the same moment, or claimed the task first (409).
     */
    static Optional<EngineRefusal> fromCauses(Throwable e) {
        if (DatabaseOutage.isCause(e)) {
            // Tasklist's own engine API fails inside Jersey, out of reach of the servlet filter that answers outages
            return Optional.of(new EngineRefusal(503, new Body("DatabaseUnavailable", DatabaseOutage.MESSAGE)));
        }
        UserInputException input = cause(e, UserInputException.class);
        if (input != null) {
            // Tasklist shows the sentence to a person: without the field codes apps get (请填写标题（title）)
            return Optional.of(new EngineRefusal(400,
                    new Body("UserInputException", FieldCodes.withoutCodes(input.getMessage()))));
        }
        if (cause(e, OptimisticLockingException.class) != null) {
            return Optional.of(new EngineRefusal(409, new Body("OptimisticLockingException", CONCURRENT_UPDATE)));
        }
        if (cause(e, TaskAlreadyClaimedException.class) != null) {
            return Optional.of(new EngineRefusal(409, new Body("TaskAlreadyClaimedException", CLAIMED)));
        }
        return Optional.empty();
    }

    /** The task to complete is no longer open: finished by someone else first (409), or never existed (404). */
    static EngineRefusal missingTask(boolean ended) {
        return ended ? new EngineRefusal(409, new Body("TaskAlreadyCompletedException", TASK_GONE))
                : new EngineRefusal(404, new Body("NotFoundException", TASK_UNKNOWN));
    }

    /** The first exception of the given type in the cause chain, or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
