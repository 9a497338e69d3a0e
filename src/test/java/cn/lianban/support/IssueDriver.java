package cn.lianban.support;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;

/** Walks joint-handling cases through their steps for tests: filing, completing tasks, firing timers. */
@Component
public class IssueDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    public IssueDriver(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** Sets the engine clock (Asia/Shanghai wall time). */
    public void clockAt(LocalDateTime shanghai) {
        ClockUtil.setCurrentTime(Date.from(shanghai.atZone(EngineClock.ZONE).toInstant()));
    }

    public void resetClock() {
        ClockUtil.reset();
    }

    /** A routine filing of community A; {@code changes} overrides single fields. */
    public static Map<String, Object> filing(Object... changes) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", "小区路灯损坏");
        v.put("description", "3号楼前两盏路灯不亮，夜间出行不便");
        v.put("category", "FACILITY");
        v.put("communityCode", "C-DL-01");
        v.put("households", 5L);
        v.put("multiCommunity", false);
        v.put("multiDepartment", false);
        v.put("safetyRisk", false);
        v.put("estimatedCost", 2000L);
        for (int i = 0; i < changes.length; i += 2) {
            v.put((String) changes[i], changes[i + 1]);
        }
        return v;
    }

    public ProcessInstance file(Object... changes) {
        return runtime.startProcessInstanceByKey("joint-handling", filing(changes));
    }

    public Task task(ProcessInstance pi, String key) {
        List<Task> found = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
        if (found.size() != 1) {
            throw new AssertionError("expected one open task " + key + " but found " + found.size());
        }
        return found.get(0);
    }

    public void complete(ProcessInstance pi, String key, Object... vars) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < vars.length; i += 2) {
            v.put((String) vars[i], vars[i + 1]);
        }
        tasks.complete(task(pi, key).getId(), v);
    }

    public void claim(ProcessInstance pi, String key, String user) {
        tasks.claim(task(pi, key).getId(), user);
    }

    /** Moves the clock to the timer's due time and fires it, as the job executor would. */
    public void fireTimer(ProcessInstance pi, String activityId) {
        Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        if (job == null) {
            throw new AssertionError("no timer " + activityId);
        }
        ClockUtil.setCurrentTime(job.getDuedate());
        management.executeJob(job.getId());
    }

    /** The convener picks the first free venue slot offered (选定会议时间); the invitation goes out for it. */
    @SuppressWarnings("unchecked")
    public void scheduleMeeting(ProcessInstance pi) {
        List<Map<String, String>> choices = (List<Map<String, String>>) variable(pi, "meetingChoices");
        if (choices.isEmpty()) {
            complete(pi, "scheduleMeeting");
        } else {
            complete(pi, "scheduleMeeting", "meetingChoice", choices.get(0).get("value"));
        }
    }

    /**
     * A YELLOW housing case filed, rated and met on (housing leads alone, due 27 November 2026), now at 牵头办理
     * and not yet accepted: where the supervision tests begin.
     */
    public ProcessInstance housingCaseAtHandling() {
        ProcessInstance pi = file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        complete(pi, "rate", "color", "YELLOW");
        scheduleMeeting(pi);
        complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", "2026-11-27", "minutes",
                "住建局牵头");
        return pi;
    }

    /**
     * A YELLOW housing case from filing to 销号, through the area's joint meeting; {@code changes} overrides single
     * fields of the filing.
     */
    public ProcessInstance walkYellowCaseToClosure(Object... changes) {
        Object[] yellow = {"category", "HOUSING", "multiDepartment", true, "households", 40L};
        Object[] filed = java.util.Arrays.copyOf(yellow, yellow.length + changes.length);
        System.arraycopy(changes, 0, filed, yellow.length, changes.length);
        ProcessInstance pi = file(filed);
        complete(pi, "rate", "color", "YELLOW");
        scheduleMeeting(pi);
        complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline",
                EngineClock.now().toLocalDate().plusDays(1).toString(), "minutes", "住建局牵头，城管局配合");
        complete(pi, "assist", "assistResult", "已配合清理");
        complete(pi, "handle", "result", "已维修", "resolved", true);
        complete(pi, "evaluate", "satisfied", true, "satisfaction", 5L);
        return pi;
    }

    /** Files {@code threads × each} cases at the same time and returns their business keys. */
    public List<String> fileConcurrently(int threads, int each) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> keys = new java.util.ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        keys.add(file().getBusinessKey());
                    }
                    return keys;
                }));
            }
            start.countDown();
            List<String> all = new java.util.ArrayList<>();
            for (var f : futures) {
                all.addAll(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    public Object variable(ProcessInstance pi, String name) {
        return runtime.getVariable(pi.getId(), name);
    }

    /** Mails queued for a case, as "KIND recipients". */
    public List<String> mails(ProcessInstance pi) {
        return jdbc.queryForList("SELECT kind || ' ' || recipients FROM mail_outbox WHERE business_key = ? ORDER BY id",
                String.class, pi.getBusinessKey());
    }

    /** Another community of community A's area (区域共性问题: its cases may be merged with A's). */
    public String sameAreaAsCommunityA() {
        return jdbc.queryForObject("SELECT MIN(code) FROM community WHERE area_code = "
                + "(SELECT area_code FROM community WHERE code = 'C-DL-01') AND code <> 'C-DL-01'", String.class);
    }

    public List<String> events(String businessKey) {
        return jdbc.queryForList("SELECT action FROM case_event WHERE business_key = ? ORDER BY id", String.class,
                businessKey);
    }
}
