package cn.lianban.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.IssueDriver;

/**
 * Proves that the generated audit trail has the shape the real process writes: three tickets run through the
 * deployed process (every kind of event between them), and for each action the set of filled measure columns
 * must be the same in their rows as in the generated rows.
 */
final class TrailShape {

    /** The columns the 三率 read; "+" filled, "-" null. */
    private static final String PATTERN = "CONCAT(CASE WHEN dept_code IS NULL THEN '-' ELSE '+' END, "
            + "CASE WHEN community_code IS NULL THEN '-' ELSE '+' END, CASE WHEN street_code IS NULL THEN '-' ELSE '+' END, "
            + "CASE WHEN on_time IS NULL THEN '-' ELSE '+' END, CASE WHEN score IS NULL THEN '-' ELSE '+' END, "
            + "CASE WHEN due_at IS NULL THEN '-' ELSE '+' END)";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    /** Completes tasks and walks a joint-handling case as the tests do. */
    private final IssueDriver driver;

    TrailShape(ApplicationContext app) {
        this.runtime = app.getBean(RuntimeService.class);
        this.management = app.getBean(ManagementService.class);
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.driver = new IssueDriver(runtime, app.getBean(TaskService.class), management, jdbc);
    }

    /** Returns the differences; empty when every action of the real tickets matches the generated ones. */
    List<String> check() {
        Set<String> real = new TreeSet<>();
        real.add(happyPath());
        real.add(returnedTwiceAndReopened());
        real.add(timedOutAndOverdue());
        Map<String, Set<String>> byProcess = patterns("business_key IN (" + String.join(",",
                real.stream().map(k -> "'" + k + "'").toList()) + ")");
        Map<String, Set<String>> generated = patterns("business_key LIKE 'TK-%' AND business_key NOT IN ("
                + String.join(",", real.stream().map(k -> "'" + k + "'").toList()) + ")");
        System.out.println("  action            process  generated   (dept, community, street, on_time, score, due_at)");
        List<String> differences = new java.util.ArrayList<>();
        Set<String> actions = new TreeSet<>(byProcess.keySet());
        actions.addAll(generated.keySet());
        for (String action : actions) {
            Set<String> p = byProcess.getOrDefault(action, Set.of());
            Set<String> g = generated.getOrDefault(action, Set.of());
            System.out.printf("  %-16s  %-7s  %-9s%s%n", action, String.join("|", p), String.join("|", g),
                    p.equals(g) ? "" : "   ← differs");
            if (!p.equals(g)) {
                differences.add(action + ": process " + p + ", generated " + g);
            }
        }
        return differences;
    }

    private Map<String, Set<String>> patterns(String where) {
        Map<String, Set<String>> m = new TreeMap<>();
        jdbc.query("SELECT DISTINCT action, " + PATTERN + " p FROM case_event WHERE " + where, rs -> {
            m.computeIfAbsent(rs.getString(1), a -> new TreeSet<>()).add(rs.getString(2));
        });
        return m;
    }

    String happyPath() {
        ProcessInstance pi = raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 4);
        return ended(pi);
    }

    String returnedTwiceAndReopened() {
        ProcessInstance pi = raise();
        driver.complete(pi, "accept", "accepted", false, "returnReason", "不属于本部门职责");
        driver.complete(pi, "redispatch", "deptCode", "market");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "也不属于本部门");
        driver.complete(pi, "decide", "deptCode", "urban", "decisionNote", "占道经营由城管负责");
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", false);
        driver.complete(pi, "resolve", "result", "再次处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 5);
        return ended(pi);
    }

    String timedOutAndOverdue() {
        ProcessInstance pi = raise();
        fire(pi, "acceptTimeout");
        driver.complete(pi, "redispatch", "deptCode", "urban");
        driver.complete(pi, "accept", "accepted", true);
        fire(pi, "resolveOverdue");
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 3);
        return ended(pi);
    }

    /**
     * A joint-handling case rated yellow, met on, handled with a co-department's help and evaluated (the tests'
     * walk); call on a working day's morning.
     */
    String jointHandlingCase() {
        return ended(driver.walkYellowCaseToClosure());
    }

    /** A ticket of the demo's community A for item R-001 (占道经营, 城管局), as the start form sends it. */
    private ProcessInstance raise() {
        Map<String, Object> v = new HashMap<>();
        v.put("itemCode", "R-001");
        v.put("description", "菜市场门口有流动摊贩占道经营，影响通行");
        v.put("communityCode", "C-DL-01");
        v.put("gridCode", "G-DL-01-01");
        v.put("location", "华山路菜市场东门");
        return runtime.startProcessInstanceByKey("ticket", v);
    }

    /** Fires a timer now, as the job executor would at its due time. */
    private void fire(ProcessInstance pi, String activityId) {
        Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        if (job == null) {
            throw new IllegalStateException(pi.getBusinessKey() + " has no timer " + activityId);
        }
        management.executeJob(job.getId());
    }

    private String ended(ProcessInstance pi) {
        if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() != 0) {
            throw new IllegalStateException("instance " + pi.getId() + " did not end");
        }
        // the business key is set by the register delegate, after the start call returned the instance
        return jdbc.queryForObject("SELECT MIN(business_key) FROM case_event WHERE process_instance_id = ?",
                String.class, pi.getId());
    }
}
