package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * Every open task of a running joint case and ticket carries the 时效灯, and the refresher moves it on working days
 * across 劳动节 2026 (1 May, 4–5 May off): both are due Wednesday 6 May 18:00 after 80 working hours from Tuesday
 * 28 April 10:00, so they stay green over the holiday and turn yellow on 6 May at 02:00.
 */
class TimeLightHolidayTest extends ProcessTestBase {

    @Autowired
    TimeLightRefresher refresher;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TicketDriver tickets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyOpenTaskCarriesTheLightAndItMovesOnWorkingDays() {
        driver.clockAt(LocalDateTime.of(2026, 4, 28, 10, 0));
        ProcessInstance issue = driver.file();
        driver.complete(issue, "rate", "color", "GREEN");
        driver.claim(issue, "handle", "secretary"); // accepted (签收): the light counts to the handling deadline
        ProcessInstance ticket = tickets.raise();
        driver.complete(ticket, "accept", "accepted", true);
        ProcessInstance accepting = tickets.raise();
        List<ProcessInstance> all = List.of(issue, ticket, accepting);
        assertLights(all, "GREEN", "GREEN", "GREEN");

        // the 24 hours to accept are calendar hours that end on a working day: 4 of them left at 06:00
        driver.clockAt(LocalDateTime.of(2026, 4, 29, 6, 0));
        refresher.refresh();
        assertLights(all, "GREEN", "GREEN", "YELLOW");

        driver.clockAt(LocalDateTime.of(2026, 5, 5, 12, 0)); // 劳动节: 18 of 80 working hours left
        refresher.refresh();
        assertLights(all, "GREEN", "GREEN", "RED");

        driver.clockAt(LocalDateTime.of(2026, 5, 6, 2, 0)); // 16 of 80 left
        refresher.refresh();
        assertLights(all, "YELLOW", "YELLOW", "RED");

        driver.clockAt(LocalDateTime.of(2026, 5, 6, 18, 30));
        refresher.refresh();
        assertLights(all, "RED", "RED", "RED");
    }

    /** The light of each case, on every open task of it (cards read the instance's variables). */
    private void assertLights(List<ProcessInstance> instances, String... lights) {
        for (int i = 0; i < instances.size(); i++) {
            ProcessInstance pi = instances.get(i);
            List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
            assertThat(open).as(pi.getBusinessKey() + " waits at a task").isNotEmpty();
            for (Task task : open) {
                assertThat(tasks.getVariable(task.getId(), CaseClock.LIGHT)).as(task.getTaskDefinitionKey())
                        .isEqualTo(lights[i]);
                assertThat(tasks.getVariable(task.getId(), CaseClock.LIGHT_LABEL)).as(task.getTaskDefinitionKey())
                        .isEqualTo(TimeLight.valueOf(lights[i]).label());
            }
        }
    }
}
