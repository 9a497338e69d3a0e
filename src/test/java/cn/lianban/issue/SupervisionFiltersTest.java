package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/** The supervisor finds 督办签收 under 待督办签收, the approver 延期审批 under 待审批延期, each only for its own units. */
@LianbanTest
class SupervisionFiltersTest {

    @Autowired
    FilterService filters;
    @Autowired
    AsUser users;
    @Autowired
    IssueDriver driver;
    @Autowired
    TaskService tasks;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theLevelsUnitFindsTheSupervisionAndTheApproverTheExtension() {
        driver.clockAt(LocalDateTime.of(2026, 11, 25, 10, 0));
        ProcessInstance pi = driver.housingCaseAtHandling();
        driver.fireTimer(pi, "acceptDeadline");
        String supervise = driver.task(pi, "supervise").getId();
        assertThat(ids("committee", "待督办签收")).contains(supervise);
        assertThat(users.as("secretary2", () -> filters.createFilterQuery().filterName("待督办签收").count())).isZero();
        // the card says why it waits: the acceptance deadline and the light
        assertThat(driver.variable(pi, "acceptanceLabel")).isEqualTo("待签收（2026-11-26 10:00 前）");
        assertThat(driver.variable(pi, "timeLightLabel")).isEqualTo("逾期");

        driver.claim(pi, "handle", "housing");
        assertThat(ids("committee", "待督办签收")).doesNotContain(supervise);
        driver.complete(pi, "handle", "extensionAsked", true, "extensionUntil", "2026-12-03", "extensionReason",
                "需等待材料到货");
        assertThat(ids("committee", "待审批延期")).contains(driver.task(pi, "approveExtension").getId());
        assertThat(ids("housing", "本部门待认领")).doesNotContain(driver.task(pi, "approveExtension").getId());
    }

    @Test
    void aReassignedHandlingTaskLeavesTheOldDepartment() {
        driver.clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", "2026-12-01", "minutes",
                "住建局牵头");
        String handle = driver.task(pi, "handle").getId();
        assertThat(ids("housing", "本部门待认领")).contains(handle);
        driver.fireTimer(pi, "acceptDeadline");
        driver.complete(pi, "supervise", "supervision", "REASSIGN", "newLeadDept", "urban", "supervisionComment",
                "改由城管局牵头");

        assertThat(ids("urban", "本部门待认领")).contains(handle);
        assertThat(ids("housing", "本部门待认领")).doesNotContain(handle);
        assertThat(users.as("housing", () -> tasks.createTaskQuery().taskId(handle).count())).isZero();
    }

    private List<String> ids(String user, String filterName) {
        Supplier<List<Task>> list = () -> filters.list(
                filters.createFilterQuery().filterName(filterName).singleResult().getId());
        return users.as(user, list).stream().map(Task::getId).toList();
    }
}
