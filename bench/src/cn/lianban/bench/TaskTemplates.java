package cn.lianban.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.IssueDriver;

/**
 * Open cases made by the deployed processes through the engine's API, each waiting at other user tasks: the
 * models the generated tasks are copied from (TaskClones), so that their rows are what the engine writes. All of
 * community C-DL-01 (grid G-DL-01-01) and department urban; the copies move them to other units.
 */
final class TaskTemplates {

    /** One open case and the share of all generated tasks its copies make up. */
    record Template(String processInstanceId, String label, double share) {
    }

    private final RuntimeService runtime;
    /** Completes tasks and picks the first venue slot offered for the meeting (选定会议时间), as the tests do. */
    private final IssueDriver driver;

    TaskTemplates(ApplicationContext app) {
        this.runtime = app.getBean(RuntimeService.class);
        this.driver = new IssueDriver(runtime, app.getBean(TaskService.class), app.getBean(ManagementService.class),
                app.getBean(JdbcTemplate.class));
    }

    /** A mix like a working day's: most open tasks are tickets waiting for a department. */
    List<Template> create() {
        List<Template> t = new ArrayList<>();
        t.add(new Template(ticket().getId(), "ticket: accept (dept)", 0.25));
        ProcessInstance resolve = ticket();
        driver.complete(resolve, "accept", "accepted", true);
        t.add(new Template(resolve.getId(), "ticket: resolve (dept)", 0.15));
        ProcessInstance redispatch = ticket();
        driver.complete(redispatch, "accept", "accepted", false, "returnReason", "不属于本部门职责");
        t.add(new Template(redispatch.getId(), "ticket: redispatch (street)", 0.06));
        ProcessInstance decide = ticket();
        driver.complete(decide, "accept", "accepted", false, "returnReason", "不属于本部门职责");
        driver.complete(decide, "redispatch", "deptCode", "market");
        driver.complete(decide, "accept", "accepted", false, "returnReason", "也不属于本部门");
        t.add(new Template(decide.getId(), "ticket: decide (street)", 0.04));
        ProcessInstance confirm = ticket();
        driver.complete(confirm, "accept", "accepted", true);
        driver.complete(confirm, "resolve", "result", "已处理");
        t.add(new Template(confirm.getId(), "ticket: confirm (community)", 0.10));

        t.add(new Template(issue().getId(), "joint-handling: rate (area)", 0.05));
        ProcessInstance schedule = issue();
        rate(schedule);
        t.add(new Template(schedule.getId(), "joint-handling: scheduleMeeting (handling level)", 0.05));
        ProcessInstance meet = issue();
        rate(meet);
        driver.scheduleMeeting(meet);
        t.add(new Template(meet.getId(), "joint-handling: meet (handling level)", 0.10));
        ProcessInstance handle = issue();
        rate(handle);
        driver.scheduleMeeting(handle);
        driver.complete(handle, "meet", "leadDept", "urban", "coDepts", new ArrayList<>(List.of("housing")),
                "deadline", LocalDate.now().plusDays(20).toString(), "minutes", "会商纪要：住建局协办");
        t.add(new Template(handle.getId(), "joint-handling: handle + assist (dept, dept)", 0.20));
        return t;
    }

    /** A ticket of community C-DL-01 for item R-001 (占道经营, 城管局), as the start form sends it. */
    private ProcessInstance ticket() {
        return runtime.startProcessInstanceByKey("ticket", Map.of("itemCode", "R-001",
                "description", "菜市场门口有流动摊贩占道经营，影响通行", "communityCode", "C-DL-01",
                "gridCode", "G-DL-01-01", "location", "华山路菜市场东门"));
    }

    /** A joint-handling issue big enough to need a joint meeting (yellow or red), as the start form sends it. */
    private ProcessInstance issue() {
        Map<String, Object> v = new HashMap<>();
        v.put("title", "老旧小区雨污管网堵塞");
        v.put("description", "小区雨污管网多处堵塞，雨天积水，需住建、城管等部门联合处置");
        v.put("category", "HOUSING");
        v.put("communityCode", "C-DL-01");
        v.put("households", 600L);
        v.put("multiCommunity", false);
        v.put("multiDepartment", true);
        v.put("safetyRisk", true);
        v.put("estimatedCost", 800_000L);
        return runtime.startProcessInstanceByKey("joint-handling", v);
    }

    /** Confirms the proposed colour, which for such an issue calls a joint meeting. */
    private void rate(ProcessInstance pi) {
        driver.complete(pi, "rate", "color", runtime.getVariable(pi.getId(), "proposedColor"));
    }
}
