package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.Roles;
import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.ProcessTestBase;

/**
 * Issue 14, the grid level for real: a level-1 case of a grid is offered to that grid's workers (网格员) and the
 * community, whose secretary may step in; escalation to level 2 takes it off the grid. {@code gridworker} works in
 * grid G-DL-01-01 of community A; {@code gridworker2}, made here, in G-DL-01-02.
 */
class GridLevelProcessTest extends ProcessTestBase {

    private static final String OTHER = "gridworker2";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AsUser users;

    @BeforeEach
    void workerOfTheSecondGrid() {
        User user = identity.newUser(OTHER);
        user.setFirstName("周网格");
        user.setLastName("");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(OTHER, Roles.GRID_WORKER);
        identity.createMembership(OTHER, "grid:G-DL-01-02");
    }

    @AfterEach
    void removeWorker() {
        identity.deleteUser(OTHER);
    }

    @Test
    void aGridWorkerFilesForHisGridAndHandlesItAtLevelOne() {
        Map<String, Object> filing = IssueDriver.filing();
        filing.remove("communityCode");
        ProcessInstance pi = users.as("gridworker", () -> runtime.startProcessInstanceByKey("joint-handling", filing));
        assertThat(pi).variables().containsEntry("communityCode", "C-DL-01").containsEntry("gridCode", "G-DL-01-01")
                .containsEntry("gridName", gridName("G-DL-01-01"));
        assertThat(jdbc.queryForMap("SELECT grid_code, grid_name FROM issue_summary WHERE business_key = ?",
                pi.getBusinessKey())).containsEntry("grid_code", "G-DL-01-01")
                .containsEntry("grid_name", gridName("G-DL-01-01"));
        assertThat(driver.events(pi.getBusinessKey())).contains("FILED");

        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 1);
        assertThat(candidates(driver.task(pi, "handle"))).containsExactlyInAnyOrder("community:C-DL-01", "grid:G-DL-01-01");
        // his own filter finds it; the worker of the community's other grid is not offered it
        String handle = driver.task(pi, "handle").getId();
        assertThat(inFilter("gridworker", "本网格待办")).contains(handle);
        assertThat(inFilter(OTHER, "本网格待办")).doesNotContain(handle);
        assertThat(inFilter("secretary", "本社区事项")).contains(handle);

        users.run("gridworker", () -> {
            tasks.claim(handle, "gridworker");
            tasks.complete(handle, Map.of("result", "已联系物业更换灯泡", "resolved", true));
        });
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(task("evaluate")).hasCandidateGroup("community:C-DL-01");
        driver.complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        assertThat(pi).isEnded();
    }

    @Test
    void theSecretaryStepsInForTheGrid() {
        ProcessInstance pi = users.as("secretary", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("gridCode", "G-DL-01-02")));
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(candidates(driver.task(pi, "handle"))).containsExactlyInAnyOrder("community:C-DL-01", "grid:G-DL-01-02");
        String handle = driver.task(pi, "handle").getId();
        assertThat(inFilter(OTHER, "本网格待办")).contains(handle);
        assertThat(inFilter("gridworker", "本网格待办")).doesNotContain(handle);

        users.run("secretary", () -> {
            tasks.claim(handle, "secretary");
            tasks.complete(handle, Map.of("result", "社区书记接手，已协调修复", "resolved", true));
        });
        assertThat(pi).isWaitingAt("evaluate");
    }

    @Test
    void escalationToLevelTwoTakesTheTaskOffTheGrid() {
        ProcessInstance pi = driver.file("gridCode", "G-DL-01-01");
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(candidates(driver.task(pi, "handle"))).containsExactlyInAnyOrder("community:C-DL-01", "grid:G-DL-01-01");

        driver.fireTimer(pi, "overdue");
        driver.complete(pi, "approveEscalation", "approved", true, "comment", "同意升级");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 2).containsEntry("gridCode",
                "G-DL-01-01");
        assertThat(candidates(driver.task(pi, "handle"))).containsExactly("community:C-DL-01");
        assertThat(inFilter("gridworker", "本网格待办")).doesNotContain(driver.task(pi, "handle").getId());
        assertThat(inFilter("secretary", "本社区事项")).contains(driver.task(pi, "handle").getId());
    }

    @Test
    void aGridOutsideTheCaseOrTheFilersOwnIsRefusedInChinese() {
        assertThatThrownBy(() -> driver.file("gridCode", "G-XJ-01-01")).hasMessageContaining("不属于提报社区");
        assertThatThrownBy(() -> driver.file("gridCode", "G-ZZ-99-99")).hasMessageContaining("网格编码不存在");
        assertThatThrownBy(() -> users.as("gridworker", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("gridCode", "G-DL-01-02")))).hasMessageContaining("网格员只能为本网格提报事项");
        assertThatThrownBy(() -> users.as("gridworker", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("communityCode", "C-XJ-01")))).hasMessageContaining("只能为本社区提报事项");
        // blank, as a form sends an empty field: a case of the whole community, offered to every grid at level 1
        ProcessInstance pi = driver.file("gridCode", " ");
        assertThat(pi).variables().doesNotContainKey("gridCode");
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(candidates(driver.task(pi, "handle"))).contains("community:C-DL-01", "grid:G-DL-01-01", "grid:G-DL-01-02");
    }

    private String gridName(String code) {
        return jdbc.queryForObject("SELECT name FROM grid WHERE code = ?", String.class, code);
    }

    private List<String> candidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private List<String> inFilter(String user, String filter) {
        return users.as(user, () -> filters.list(filters.createFilterQuery().filterName(filter).singleResult().getId()))
                .stream().map(t -> ((Task) t).getId()).toList();
    }
}
