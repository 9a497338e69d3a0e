package cn.lianban.common;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/**
 * Answers Camunda REST calls the engine refused because of the client ({@link EngineRefusal}) instead of Camunda's
 * own exception handlers, which answer them with 500 and the engine's English. Registered in every Jersey
 * application of the server by {@link EngineRefusalDiscovery}: /engine-rest and the engine API Tasklist calls
 * (/camunda/api/engine). Anything else stays Camunda's ({@link #isMappable} says no).
 * <p>
 * Jersey picks a mapper by the thrown type, so there is one per type Camunda's resources throw: {@link Wrapped}
 * for starts and completions, which Camunda wraps in its RestException, {@link Direct} for calls such as claims,
 * whose engine exception comes through as it is.
 */
abstract class EngineRefusalMapper<E extends RuntimeException> implements ExtendedExceptionMapper<E> {

    /** Of two mappers for the same exception type Jersey takes the lower value; Camunda's have the default 5000. */
    static final int BEFORE_CAMUNDA = Priorities.USER - 1000;

    /** Completing a task, relative to the application: task/{id}/complete, engine/{name}/task/{id}/submit-form. */
    static final Pattern TASK_COMPLETION =
            Pattern.compile("/?(?:engine/([^/]+)/)?task/([^/]+)/(?:complete|submit-form)");

    @Context
    private UriInfo request;

    /** Starts and completions: Camunda's "Cannot submit task form &lt;id&gt;: …" around the engine's exception. */
    @ConstrainedTo(RuntimeType.SERVER)
    @Priority(BEFORE_CAMUNDA)
    public static class Wrapped extends EngineRefusalMapper<RestException> {
    }

    /** The engine's exception as it is, e.g. claiming a task someone else claimed first. */
    @ConstrainedTo(RuntimeType.SERVER)
    @Priority(BEFORE_CAMUNDA)
    public static class Direct extends EngineRefusalMapper<ProcessEngineException> {
    }

    @Override
    public boolean isMappable(E e) {
        return refusal(e).isPresent();
    }

    @Override
    public Response toResponse(E e) {
        EngineRefusal refusal = refusal(e).orElseThrow();
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(refusal.body()).build();
    }

    private Optional<EngineRefusal> refusal(E e) {
        return EngineRefusal.fromCauses(e).or(() -> missingTask(e));
    }

    /** The engine reports a task that is gone only as "task is null"; its history tells finished from unknown. */
    private Optional<EngineRefusal> missingTask(E e) {
        if (EngineRefusal.cause(e, NullValueException.class) == null) {
            return Optional.empty();
        }
        Matcher call = TASK_COMPLETION.matcher(request.getPath());
        if (!call.matches()) {
            return Optional.empty();
        }
        ProcessEngine engine = EngineUtil.lookupProcessEngine(call.group(1));
        String taskId = call.group(2);
        // the caller may read neither the finished task nor its history: look as the engine, then restore the caller
        return Grants.asSystem(engine.getIdentityService(), () -> {
            if (engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
                return Optional.<EngineRefusal>empty();
            }
            HistoricTaskInstance past = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
                    .singleResult();
            return Optional.of(EngineRefusal.missingTask(past != null && past.getEndTime() != null));
        });
    }
}
