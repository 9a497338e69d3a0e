package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.AsUser;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * Every task of a ticket shows in a Tasklist filter that the users of its candidate group may read, at every
 * point of the process: listed, off the list, after a timeout, after one and two returns, after the street's
 * decision and after a reopen. Filters are run as the demo users, with their groups, as Tasklist runs them.
 */
class TicketTasklistFiltersTest extends ProcessTestBase {

    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    TicketDriver tickets;
    @Autowired
    AsUser users;

    @Test
    void aListedTicketIsFoundByTheDepartmentAndThenByTheCommunity() {
        ProcessInstance pi = tickets.raise();
        assertFoundIn(pi, "accept", "urban", "本部门待接单");
        assertNotFoundBy(pi, "accept", "housing");

        users.run("urban", () -> {
            tasks.claim(driver.task(pi, "accept").getId(), "urban");
            tasks.complete(driver.task(pi, "accept").getId(), Map.of("accepted", true));
        });
        assertFoundIn(pi, "resolve", "urban", "本部门办理中");

        driver.complete(pi, "resolve", "result", "已劝离摊贩");
        assertFoundIn(pi, "confirm", "secretary", "本社区待确认");
        assertNotFoundBy(pi, "confirm", "secretary2");

        users.run("secretary", () -> {
            tasks.claim(driver.task(pi, "confirm").getId(), "secretary");
            tasks.complete(driver.task(pi, "confirm").getId(), Map.of("solved", true));
        });
        assertFoundIn(pi, "rate", "secretary", "本社区待确认");
        assertNotFoundBy(pi, "rate", "secretary2");
    }

    @Test
    void whoeverConfirmsGetsTheVisitAssignedWithoutASecondClaim() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        assertThat(driver.task(pi, "confirm").getAssignee()).isNull();

        users.run("secretary", () -> {
            tasks.claim(driver.task(pi, "confirm").getId(), "secretary");
            tasks.complete(driver.task(pi, "confirm").getId(), Map.of("solved", true));
        });
        Task rate = driver.task(pi, "rate");
        assertThat(rate.getAssignee()).isEqualTo("secretary");
        // she completes it straight away, as Tasklist lets only the assignee do
        users.run("secretary", () -> tasks.complete(rate.getId(), Map.of("satisfaction", 5)));
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(driver.events(pi.getBusinessKey())).last().isEqualTo("CLOSED");
    }

    @Test
    void theStreetFindsOffListTimedOutAndReturnedTickets() {
        ProcessInstance offList = tickets.raise("itemCode", "");
        assertFoundIn(offList, "redispatch", "street", "街道待派单");

        ProcessInstance timedOut = tickets.raise();
        driver.fireTimer(timedOut, "acceptTimeout");
        assertFoundIn(timedOut, "redispatch", "street", "街道待派单");

        ProcessInstance returned = tickets.raise();
        driver.complete(returned, "accept", "accepted", false, "returnReason", "属于住建职责");
        assertFoundIn(returned, "redispatch", "street", "街道待派单");
        driver.complete(returned, "redispatch", "deptCode", "housing");
        assertFoundIn(returned, "accept", "housing", "本部门待接单");
        driver.complete(returned, "accept", "accepted", false, "returnReason", "属于城管职责");
        assertFoundIn(returned, "decide", "street", "街道待派单");
    }

    @Test
    void afterTheStreetsDecisionTheDepartmentClaimsTheUnassignedResolveTask() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", false, "returnReason", "不属于城管");
        driver.complete(pi, "redispatch", "deptCode", "housing");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "也不属于住建");
        driver.complete(pi, "decide", "deptCode", "urban", "decisionNote", "占道经营由城管负责");

        assertThat(driver.task(pi, "resolve").getAssignee()).as("nobody accepted it").isNull();
        assertFoundIn(pi, "resolve", "urban", "本部门待认领工单");
        assertNotFoundBy(pi, "resolve", "housing");

        users.run("urban", () -> tasks.claim(driver.task(pi, "resolve").getId(), "urban"));
        assertFoundIn(pi, "resolve", "urban", "本部门办理中");
        assertThat(filtersShowing(pi, "resolve", "urban")).doesNotContain("本部门待认领工单");

        // not solved: back to the department, again without anyone named, so again to claim
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", false);
        assertFoundIn(pi, "resolve", "urban", "本部门待认领工单");
    }

    /** The task shows in the named filter, which the user may read, when the user runs it. */
    private void assertFoundIn(ProcessInstance pi, String taskKey, String user, String filterName) {
        assertThat(filtersShowing(pi, taskKey, user)).as("%s of %s for %s", taskKey, pi.getBusinessKey(), user)
                .contains(filterName);
    }

    private void assertNotFoundBy(ProcessInstance pi, String taskKey, String user) {
        assertThat(filtersShowing(pi, taskKey, user)).as("%s of %s for %s", taskKey, pi.getBusinessKey(), user)
                .isEmpty();
    }

    /** The filters the user may read that list the open task. */
    private List<String> filtersShowing(ProcessInstance pi, String taskKey, String user) {
        String taskId = driver.task(pi, taskKey).getId();
        return users.as(user, () -> filters.createFilterQuery().list().stream()
                .filter(f -> filters.count(f.getId(), tasks.createTaskQuery().taskId(taskId)) > 0)
                .map(Filter::getName).toList());
    }
}
