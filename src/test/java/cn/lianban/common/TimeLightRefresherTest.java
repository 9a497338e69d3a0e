package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/** The 时效灯 on cards moves on with time alone, for cases of any process; the engine clock is moved by hand. */
class TimeLightRefresherTest extends ProcessTestBase {

    @Autowired
    TimeLightRefresher refresher;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TicketDriver tickets;

    @Test
    void aCaseNobodyTouchesTurnsYellowThenRed() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        // issue 13: until the community accepts (签收) the light runs on the acceptance deadline
        driver.claim(pi, "handle", "secretary");
        // Mon 2 March 10:00 to Thu 5 March 18:00 is 80 hours: yellow with 16 hours or less left
        assertLight(pi, "GREEN", "正常");

        driver.clockAt(LocalDateTime.of(2026, 3, 5, 1, 0));
        refresher.refresh();
        assertLight(pi, "GREEN", "正常");

        driver.clockAt(LocalDateTime.of(2026, 3, 5, 9, 0));
        assertThat(refresher.refresh()).isPositive();
        assertLight(pi, "YELLOW", "临期");

        driver.clockAt(LocalDateTime.of(2026, 3, 5, 18, 30));
        refresher.refresh();
        assertLight(pi, "RED", "逾期");
        assertThat(pi).as("no timer has fired: the light moved on by itself").isWaitingAt("handle");
    }

    @Test
    void aLightIsWrittenOnlyWhenItChangesAndAStoppedClockStaysOff() {
        // its meeting on a day of its own, so that it takes no venue hours other tests expect free
        driver.clockAt(LocalDateTime.of(2026, 4, 13, 10, 0));
        ProcessInstance closed = driver.walkYellowCaseToClosure();
        driver.clockAt(MONDAY);
        ProcessInstance running = driver.file();
        driver.complete(running, "rate", "color", "GREEN");
        driver.claim(running, "handle", "secretary");
        refresher.refresh();
        long writes = lightWrites(running);

        driver.clockAt(LocalDateTime.of(2026, 3, 3, 10, 0));
        refresher.refresh();
        assertThat(lightWrites(running)).as("still green: nothing written").isEqualTo(writes);

        driver.clockAt(LocalDateTime.of(2026, 4, 1, 10, 0));
        refresher.refresh();
        assertThat(lightWrites(running)).isEqualTo(writes + 1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(closed.getId())
                .variableName(CaseClock.LIGHT).list()).as("a stopped clock has no light").isEmpty();
    }

    @Test
    void theClockOfAnyProcessIsRefreshed() {
        ProcessInstance ticket = tickets.raise();
        Date now = new Date(EngineClock.now().toInstant().toEpochMilli());
        runtime.setVariables(ticket.getId(), Map.of(CaseClock.START, new Date(now.getTime() - 9 * 3600_000L),
                CaseClock.DUE, new Date(now.getTime() + 3600_000L), CaseClock.LIGHT, "GREEN"));
        refresher.refresh();
        assertThat(runtime.getVariable(ticket.getId(), CaseClock.LIGHT)).isEqualTo("YELLOW");
        assertThat(runtime.getVariable(ticket.getId(), CaseClock.LIGHT_LABEL)).isEqualTo("临期");
    }

    private void assertLight(ProcessInstance pi, String light, String label) {
        assertThat(runtime.getVariable(pi.getId(), CaseClock.LIGHT)).isEqualTo(light);
        assertThat(runtime.getVariable(pi.getId(), CaseClock.LIGHT_LABEL)).isEqualTo(label);
    }

    private long lightWrites(ProcessInstance pi) {
        return history.createHistoricDetailQuery().variableUpdates().processInstanceId(pi.getId()).list().stream()
                .filter(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
                        && CaseClock.LIGHT.equals(u.getVariableName()))
                .count();
    }
}
