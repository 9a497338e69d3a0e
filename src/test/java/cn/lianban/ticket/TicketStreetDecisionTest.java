package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * Issue #13, point 6: a second "not solved" or a long overdue ticket goes to the street desk, which re-dispatches,
 * orders a redo, closes it as decided or raises it into a joint-handling case (大事不出镇); helper departments of
 * a coordination item get their 配合 task. Raised Monday 2026-03-02 10:00; timers driven with the engine clock.
 */
class TicketStreetDecisionTest extends ProcessTestBase {

    @Autowired
    TicketDriver tickets;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    TicketCaseReader cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    /** R-001 (城管局) accepted, resolved and found not solved twice: at the street desk. */
    private ProcessInstance notSolvedTwice(Object... changes) {
        ProcessInstance pi = tickets.raise(changes);
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已劝离");
        driver.complete(pi, "confirm", "solved", false, "confirmNote", "摊贩又回来了");
        assertThat(pi).isWaitingAt("resolve").variables().containsEntry("reopens", 1L);
        driver.complete(pi, "resolve", "result", "再次劝离");
        driver.complete(pi, "confirm", "solved", false, "confirmNote", "仍有摊贩");
        return pi;
    }

    @Test
    void aSecondNotSolvedGoesToTheStreetDeskNotBackToTheDepartment() {
        ProcessInstance pi = notSolvedTwice();
        assertThat(pi).isWaitingAt("streetDecide").hasPassed("referNotSolved").variables()
                .containsEntry("status", "STREET_DECIDING").containsEntry("statusLabel", "街道研判")
                .containsEntry("reopens", 1L);
        assertThat(task()).hasCandidateGroup("street:S-DL");
        assertThat((String) driver.variable(pi, "streetReason")).contains("第2次确认未解决").contains("城市管理局");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("REOPENED", "NOT_SOLVED_AGAIN");
        assertThat(cases.find(pi.getBusinessKey()).orElseThrow().status()).isEqualTo("STREET_DECIDING");
    }

    @Test
    void theStreetChecksItsDecision() {
        ProcessInstance pi = notSolvedTwice();
        assertThatThrownBy(() -> driver.complete(pi, "streetDecide", "decisionNote", "研判"))
                .hasMessageContaining("请选择处置方式");
        assertThatThrownBy(() -> driver.complete(pi, "streetDecide", "streetDecision", "REDO"))
                .hasMessageContaining("请填写研判意见");
        assertThatThrownBy(() -> driver.complete(pi, "streetDecide", "streetDecision", "REDISPATCH",
                "redispatchDept", "urban", "decisionNote", "改派")).hasMessageContaining("原承办部门以外");
        assertThatThrownBy(() -> driver.complete(pi, "streetDecide", "streetDecision", "RAISE",
                "decisionNote", "提级")).hasMessageContaining("问题类别");
        assertThat(pi).isWaitingAt("streetDecide");
    }

    @Test
    void reDispatchedToAnotherDepartmentWhichHandlesItWithoutAcceptStep() {
        ProcessInstance pi = notSolvedTwice();
        driver.complete(pi, "streetDecide", "streetDecision", "REDISPATCH", "redispatchDept", "market",
                "decisionNote", "摊贩无证经营，由市场监管查处");
        assertThat(pi).isWaitingAt("resolve").hasPassed("imposeDepartment").variables()
                .containsEntry("deptCode", "market").containsEntry("deptName", "市场监督管理局")
                .containsEntry("status", "RESOLVING");
        assertThat(task()).hasCandidateGroup("dept:market");
        assertThat(driver.events(pi.getBusinessKey())).endsWith("NOT_SOLVED_AGAIN", "IMPOSED");
    }

    @Test
    void theSameDepartmentIsOrderedToRedoItAndAThirdNotSolvedComesBackToTheStreet() {
        ProcessInstance pi = notSolvedTwice();
        driver.clockAt(LocalDateTime.of(2026, 3, 9, 10, 0));
        driver.complete(pi, "streetDecide", "streetDecision", "REDO", "decisionNote", "限期彻底清理");
        assertThat(pi).isWaitingAt("resolve").variables().containsEntry("deptCode", "urban")
                .containsEntry("resolvedAtLabel", null);
        // a fresh limit from the decision: Monday 9 March + 3 working days
        assertThat(driver.variable(pi, "resolveBy")).isEqualTo(at(2026, 3, 12, 18, 0));
        assertThat(task()).hasCandidateGroup("dept:urban");
        List<String> notes = jdbcNotes(pi.getBusinessKey(), "IMPOSED");
        assertThat(notes).containsExactly("街道责令城市管理局重新办理：限期彻底清理");

        // decided by the street and still not solved: the street again, which may raise it now
        driver.complete(pi, "resolve", "result", "第三次清理");
        driver.complete(pi, "confirm", "solved", false);
        assertThat(pi).isWaitingAt("streetDecide");
    }

    @Test
    void closedAsDecidedEndsWithoutRatingAndIsNotSolvedInTheFigures() {
        ProcessInstance pi = notSolvedTwice();
        driver.complete(pi, "streetDecide", "streetDecision", "CLOSE", "decisionNote", "诉求超出职责范围，已向群众解释");
        assertThat(pi).isEnded().hasPassed("closeByStreet", "closedByStreet").hasNotPassed("rate");
        assertThat(driver.events(pi.getBusinessKey())).endsWith("STREET_CLOSED").doesNotContain("CLOSED");
        TicketCase row = cases.find(pi.getBusinessKey()).orElseThrow();
        assertThat(row.status()).isEqualTo("CLOSED");
        assertThat(row.closedAt()).isNotNull();
    }

    @Test
    void raisedIntoAJointCaseWithLinksBothWays() {
        ProcessInstance pi = notSolvedTwice("lat", 37.6421, "lon", 120.3317);
        driver.complete(pi, "streetDecide", "streetDecision", "RAISE", "jointCategory", "ENVIRONMENT",
                "decisionNote", "涉及城管、市场监管多部门，提交联席汇办");
        assertThat(pi).isEnded().hasPassed("raiseJointCase", "raisedToCase");
        String jointKey = raisedInto(pi);
        assertJointCaseFromTicket(pi, jointKey, "ENVIRONMENT");
        // issue 14: the case keeps the ticket's place and grid
        assertThat(jdbc.queryForMap("SELECT location, lat, lon, grid_code FROM issue_summary WHERE business_key = ?",
                jointKey)).containsEntry("LOCATION", "华山路菜市场东门").containsEntry("LAT", 37.6421)
                .containsEntry("LON", 120.3317).containsEntry("GRID_CODE", "G-DL-01-01");

        // both case pages link to each other
        String ticketPage = rest.withBasicAuth("center", "demo").getForObject("/cases/" + pi.getBusinessKey(),
                String.class);
        assertThat(ticketPage).contains("已转联办").contains("已转联席汇办").contains("href=\"/cases/" + jointKey + "\"")
                .contains("提级联席汇办");
        String jointPage = rest.withBasicAuth("center", "demo").getForObject("/cases/" + jointKey, String.class);
        assertThat(jointPage).contains("来源工单").contains("href=\"/cases/" + pi.getBusinessKey() + "\"")
                .contains("工单提级");
    }

    @Test
    void overdueByMoreThanFiveWorkingDaysAcrossAWeekendGoesToTheStreetWhichRaisesIt() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        // due Thursday 5 March 18:00; five working days later, over the weekend of 7–8 March: Thursday 12 March
        assertThat(driver.variable(pi, "resolveBy")).isEqualTo(at(2026, 3, 5, 18, 0));
        assertThat(timer(pi, "resolveLongOverdue")).isEqualTo(at(2026, 3, 12, 18, 0));
        driver.fireTimer(pi, "resolveOverdue");
        assertThat(pi).isWaitingAt("resolve").variables().containsEntry("overdue", true);

        driver.fireTimer(pi, "resolveLongOverdue");
        assertThat(pi).isWaitingAt("streetDecide").hasPassed("referLongOverdue").hasNotPassed("referNotSolved");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("resolve").count()).isZero();
        assertThat((String) driver.variable(pi, "streetReason")).contains("已逾5个工作日");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("OVERDUE", "LONG_OVERDUE");

        driver.complete(pi, "streetDecide", "streetDecision", "RAISE", "jointCategory", "TRAFFIC",
                "decisionNote", "久拖未决，提级联席汇办");
        assertThat(pi).isEnded();
        assertJointCaseFromTicket(pi, raisedInto(pi), "TRAFFIC");
    }

    @Test
    void helperDepartmentsOfACoordinationItemGetTheirOwnTaskAndTheirPartIsRecorded() {
        // R-142 背街小巷综合整治: 城管局 leads, 住建局 and 公安局 help
        ProcessInstance pi = tickets.raise("itemCode", "R-142");
        driver.complete(pi, "accept", "accepted", true);
        List<Task> helps = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help").list();
        assertThat(helps).hasSize(2);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help")
                .taskCandidateGroup("dept:housing").count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help")
                .taskCandidateGroup("dept:police").count()).isOne();
        assertThat(pi).isWaitingAt("resolve", "help");

        Task housing = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help")
                .taskCandidateGroup("dept:housing").singleResult();
        assertThat(tasks.getVariableLocal(housing.getId(), "helperDeptName")).isEqualTo("住房和城乡建设局");
        assertThatThrownBy(() -> tasks.complete(housing.getId(), Map.of()))
                .hasMessageContaining("请填写配合情况");
        tasks.complete(housing.getId(), Map.of("helpResult", "已拆除两处违建雨棚"));
        assertThat((String) driver.variable(pi, "helpRecord")).contains("住房和城乡建设局").contains("已拆除两处违建雨棚");
        assertThat(runtime.getVariable(pi.getId(), "helpResult")).isNull();
        assertThat(jdbcNotes(pi.getBusinessKey(), "HELPED")).containsExactly("住房和城乡建设局配合：已拆除两处违建雨棚");
        assertThat(jdbc.queryForObject(
                "SELECT dept_code FROM case_event WHERE business_key = ? AND action = 'HELPED'", String.class,
                pi.getBusinessKey())).isEqualTo("housing");

        // the lead finishes first: the police's part stays open until the ticket ends, then is recorded unfinished
        driver.complete(pi, "resolve", "result", "小巷已整治");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 5);
        assertThat(pi).isEnded().hasPassed("ticketEnded", "helpReleased").hasNotPassed("helped");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getState()).isEqualTo("COMPLETED");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("HELPED", "CLOSED", "HELP_UNFINISHED");
    }

    @Test
    void helpersGetTheirTaskWhenTheStreetImposesTheDepartmentAfterTwoReturns() {
        ProcessInstance pi = tickets.raise("itemCode", "R-142");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "不属于城管");
        driver.complete(pi, "redispatch", "deptCode", "market");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "也不属于市场监管");
        assertThat(helpTasks(pi)).isEmpty();

        driver.complete(pi, "decide", "deptCode", "urban", "decisionNote", "背街小巷整治由城管牵头");
        assertThat(pi).isWaitingAt("resolve", "help").hasPassed("imposeDepartment", "helpersFork");
        assertThat(helpers(pi)).containsExactlyInAnyOrder("dept:housing", "dept:police");
    }

    @Test
    void aRedoAfterTheLongOverdueTimerAsksOnlyHelpersWhoseTaskIsNotOpen() {
        ProcessInstance pi = tickets.raise("itemCode", "R-142");
        driver.complete(pi, "accept", "accepted", true);
        Task police = helpTask(pi, "dept:police");
        tasks.complete(helpTask(pi, "dept:housing").getId(), Map.of("helpResult", "已拆除两处违建雨棚"));

        // the timer interrupts only the lead's resolve: the police's part is still open at the street desk
        driver.fireTimer(pi, "resolveLongOverdue");
        assertThat(pi).isWaitingAt("streetDecide", "help");
        driver.complete(pi, "streetDecide", "streetDecision", "REDO", "decisionNote", "限期彻底整治");

        assertThat(pi).isWaitingAt("resolve", "help");
        assertThat(helpers(pi)).containsExactlyInAnyOrder("dept:housing", "dept:police");
        assertThat(helpTask(pi, "dept:police").getId()).isEqualTo(police.getId());
        assertThat(helpTask(pi, "dept:housing").getDueDate()).isEqualTo(driver.variable(pi, "resolveBy"));
    }

    @Test
    void aRedispatchAsksTheHelpersAgainButNotTheNewLead() {
        ProcessInstance pi = tickets.raise("itemCode", "R-142");
        driver.complete(pi, "accept", "accepted", true);
        for (Task help : helpTasks(pi)) {
            tasks.complete(help.getId(), Map.of("helpResult", "已配合"));
        }
        driver.complete(pi, "resolve", "result", "已整治");
        driver.complete(pi, "confirm", "solved", false, "confirmNote", "违建仍在");
        driver.complete(pi, "resolve", "result", "再次整治");
        driver.complete(pi, "confirm", "solved", false, "confirmNote", "仍未拆除");
        assertThat(pi).isWaitingAt("streetDecide");

        driver.complete(pi, "streetDecide", "streetDecision", "REDISPATCH", "redispatchDept", "housing",
                "decisionNote", "违建拆除由住建牵头");
        assertThat(pi).isWaitingAt("resolve", "help");
        assertThat(helpers(pi)).containsExactly("dept:police");
    }

    private List<Task> helpTasks(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help").list();
    }

    private Task helpTask(ProcessInstance pi, String group) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help")
                .taskCandidateGroup(group).singleResult();
    }

    /** The candidate group of each open 配合 task. */
    private List<String> helpers(ProcessInstance pi) {
        return helpTasks(pi).stream().flatMap(t -> tasks.getIdentityLinksForTask(t.getId()).stream())
                .map(link -> link.getGroupId()).filter(g -> g != null).toList();
    }

    @Test
    void aBasicItemHasNoHelperTask() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help").count()).isZero();
        // no branch for helpers at all, and no list of them
        assertThat(pi).isWaitingAtExactly("resolve").hasPassed("helpersFork").hasNotPassed("helped");
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("helperDepts");
    }

    private String raisedInto(ProcessInstance pi) {
        TicketCase row = cases.find(pi.getBusinessKey()).orElseThrow();
        assertThat(row.status()).isEqualTo("JOINT");
        assertThat(row.closedAt()).isNotNull();
        assertThat(row.jointCaseKey()).matches("JH-2026-\\d{6}");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("statusLabel").singleResult().getValue()).isEqualTo("已转联办");
        return row.jointCaseKey();
    }

    /** The joint case runs with the ticket's facts and names the ticket; the ticket names the case. */
    private void assertJointCaseFromTicket(ProcessInstance ticket, String jointKey, String category) {
        ProcessInstance joint = runtime.createProcessInstanceQuery().processDefinitionKey("joint-handling")
                .processInstanceBusinessKey(jointKey).singleResult();
        assertThat(joint).isWaitingAt("rate").variables().containsEntry("category", category)
                .containsEntry("communityCode", "C-DL-01").containsEntry("multiDepartment", true);
        assertThat((String) runtime.getVariable(joint.getId(), "title")).startsWith("【工单提级】");
        assertThat((String) runtime.getVariable(joint.getId(), "description")).contains(ticket.getBusinessKey())
                .contains("菜市场门口有流动摊贩占道经营");
        assertThat(driver.events(ticket.getBusinessKey())).endsWith("RAISED_TO_CASE");
        assertThat(jdbcNotes(ticket.getBusinessKey(), "RAISED_TO_CASE").get(0)).contains(jointKey);
        assertThat(driver.events(jointKey)).contains("FILED", "FROM_TICKET");
        assertThat(jdbcNotes(jointKey, "FROM_TICKET").get(0)).contains(ticket.getBusinessKey());
        assertThat(cases.raisedInto(jointKey)).containsExactly(ticket.getBusinessKey());
    }

    private List<String> jdbcNotes(String businessKey, String action) {
        return jdbc.queryForList(
                "SELECT detail FROM case_event WHERE business_key = ? AND action = ? ORDER BY id", String.class,
                businessKey, action);
    }

    private Date timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult()
                .getDuedate();
    }

    private static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(EngineClock.ZONE).toInstant());
    }
}
