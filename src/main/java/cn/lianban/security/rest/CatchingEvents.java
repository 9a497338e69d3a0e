package cn.lianban.security.rest;

import java.util.Collection;
import java.util.function.Predicate;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Whether a process model catches a BPMN error or escalation thrown at one of its activities: an error (or
 * escalation) boundary event on the activity or on a subprocess around it, or an event subprocess of one of the
 * scopes around it that starts on it. An event without a reference, or whose error (escalation) has no code,
 * catches every code, as in Camunda. Errors thrown in a called process and caught by the calling one are not
 * followed: such a throw is refused.
 */
final class CatchingEvents {

    private CatchingEvents() {
    }

    static boolean catchesError(BpmnModelInstance model, String activityId, String errorCode) {
        return catches(model, activityId, d -> d instanceof ErrorEventDefinition e
                && (e.getError() == null || e.getError().getErrorCode() == null
                || e.getError().getErrorCode().equals(errorCode)));
    }

    static boolean catchesEscalation(BpmnModelInstance model, String activityId, String escalationCode) {
        return catches(model, activityId, d -> d instanceof EscalationEventDefinition e
                && (e.getEscalation() == null || e.getEscalation().getEscalationCode() == null
                || e.getEscalation().getEscalationCode().equals(escalationCode)));
    }

    private static boolean catches(BpmnModelInstance model, String activityId, Predicate<EventDefinition> catching) {
        Collection<BoundaryEvent> boundaries = model.getModelElementsByType(BoundaryEvent.class);
        ModelElementInstance element = model.getModelElementById(activityId);
        while (element != null) {
            ModelElementInstance scope = element;
            if (scope instanceof Activity && boundaries.stream().anyMatch(b -> scope.equals(b.getAttachedTo())
                    && b.getEventDefinitions().stream().anyMatch(catching))) {
                return true;
            }
            if (startsAnEventSubprocess(scope, catching)) {
                return true;
            }
            element = element.getParentElement();
        }
        return false;
    }

    /** An event subprocess directly inside this scope (a process or subprocess) starts on the event. */
    private static boolean startsAnEventSubprocess(ModelElementInstance scope, Predicate<EventDefinition> catching) {
        return scope.getChildElementsByType(SubProcess.class).stream()
                .filter(SubProcess::triggeredByEvent)
                .flatMap(s -> s.getChildElementsByType(StartEvent.class).stream())
                .flatMap(start -> start.getEventDefinitions().stream())
                .anyMatch(catching);
    }
}
