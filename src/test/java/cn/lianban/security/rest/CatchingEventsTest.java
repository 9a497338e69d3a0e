package cn.lianban.security.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Which BPMN errors and escalations a model catches at a task, as Camunda would route them. */
class CatchingEventsTest {

    @Test
    void aBoundaryEventOnTheTaskCatchesItsOwnCodeOnly() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("work")
                .boundaryEvent("rejected").error("REJECTED").endEvent()
                .moveToActivity("work").endEvent().done();
        assertThat(CatchingEvents.catchesError(model, "work", "REJECTED")).isTrue();
        assertThat(CatchingEvents.catchesError(model, "work", "OTHER")).isFalse();
        assertThat(CatchingEvents.catchesEscalation(model, "work", "REJECTED")).isFalse();
    }

    @Test
    void aBoundaryEventWithoutACodeCatchesEveryError() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("work")
                .boundaryEvent("any").error().endEvent()
                .moveToActivity("work").endEvent().done();
        assertThat(CatchingEvents.catchesError(model, "work", "WHATEVER")).isTrue();
    }

    @Test
    void aBoundaryEventOnAnEnclosingSubprocessCatches() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent()
                .subProcess("outer").embeddedSubProcess().startEvent().userTask("work").endEvent()
                .subProcessDone()
                .boundaryEvent("escalated").escalation("UP").endEvent()
                .moveToActivity("outer").endEvent().done();
        assertThat(CatchingEvents.catchesEscalation(model, "work", "UP")).isTrue();
        assertThat(CatchingEvents.catchesError(model, "work", "UP")).isFalse();
    }

    @Test
    void anEventSubprocessOfTheProcessCatches() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("work").endEvent().done();
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
                .builder().eventSubProcess().startEvent().error("BROKEN").endEvent();
        assertThat(CatchingEvents.catchesError(model, "work", "BROKEN")).isTrue();
        assertThat(CatchingEvents.catchesError(model, "work", "OTHER")).isFalse();
    }

    @Test
    void theProjectsProcessesCatchNothingAtTheirTasks() {
        BpmnModelInstance ticket = Bpmn.readModelFromStream(getClass().getResourceAsStream("/processes/ticket.bpmn"));
        for (String task : new String[]{"accept", "resolve", "confirm", "rate", "redispatch", "decide"}) {
            assertThat(CatchingEvents.catchesError(ticket, task, "ANY")).as(task).isFalse();
            assertThat(CatchingEvents.catchesEscalation(ticket, task, "ANY")).as(task).isFalse();
        }
    }
}
