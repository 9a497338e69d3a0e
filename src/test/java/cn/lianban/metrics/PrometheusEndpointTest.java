package cn.lianban.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/** /actuator/prometheus: admin only, with the engine's and the outbox's figures (docs/contract.md, "Metrics"). */
@LianbanTest
class PrometheusEndpointTest {

    private static final Pattern SAMPLE = Pattern.compile("^(lianban_[a-z_]+(?:\\{[^}]*})?) (\\S+)$",
            Pattern.MULTILINE);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TicketDriver tickets;
    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        runtime.deleteProcessInstances(started, "test", true, true);
    }

    @Test
    void anonymousIsChallengedAndOthersThanAdminAreRefused() {
        ResponseEntity<String> anonymous = rest.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        for (String user : new String[]{"center", "secretary", "urban"}) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/actuator/prometheus", String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // nothing else of the actuator is open
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/env", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theScrapeCountsTheCasesJustStarted() {
        Map<String, Double> before = scrape();
        ProcessInstance ticket = started(tickets.raise());      // 部门接单 at dept:urban
        ProcessInstance issue = started(issues.file("category", "HOUSING", "multiDepartment", true,
                "households", 40L));                                  // 评级 at the area
        Map<String, Double> after = scrape();

        assertThat(after.get("lianban_open_tasks{unit_type=\"dept\"}"))
                .isEqualTo(before.get("lianban_open_tasks{unit_type=\"dept\"}") + 1);
        assertThat(after.get("lianban_open_tasks{unit_type=\"area\"}"))
                .isEqualTo(before.get("lianban_open_tasks{unit_type=\"area\"}") + 1);
        for (String type : EngineFigures.unitTypes()) {
            assertThat(after).containsKey("lianban_open_tasks{unit_type=\"" + type + "\"}");
        }
        assertThat(after.get("lianban_outbox{kind=\"mail\",status=\"pending\"}")).isEqualTo(
                mails("PENDING"));
        assertThat(after.get("lianban_outbox{kind=\"mail\",status=\"failed\"}")).isEqualTo(
                mails("FAILED"));
        assertThat(after).containsKeys("lianban_outbox{kind=\"sms\",status=\"pending\"}",
                "lianban_outbox{kind=\"sms\",status=\"failed\"}");
        for (String event : EngineFigures.EXECUTOR_METRICS) {
            assertThat(after.get("lianban_job_executor_total{event=\"" + event + "\"}")).as(event)
                    .isGreaterThanOrEqualTo(0);
        }

        // rated and met on: the case's clock runs; two months on, both clocks have run out and timers wait
        issues.complete(issue, "rate", "color", "YELLOW");
        issues.scheduleMeeting(issue);
        issues.complete(issue, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline",
                EngineClock.now().toLocalDate().plusDays(1).toString(), "minutes", "住建局牵头");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime()
                + Duration.ofDays(60).toMillis()));
        Map<String, Double> later = scrape();
        for (String process : new String[]{"ticket", "joint-handling"}) {
            String overdue = "lianban_overdue{process=\"" + process + "\"}";
            assertThat(later.get(overdue)).as(process).isGreaterThanOrEqualTo(before.get(overdue) + 1);
        }
        assertThat(later).containsKey("lianban_overdue{process=\"venue-booking\"}");
        assertThat(later.get("lianban_jobs_due")).isGreaterThanOrEqualTo(1);
        assertThat(later.get("lianban_jobs_late")).isGreaterThanOrEqualTo(1);

        // a job out of retries is a failed job with an incident, until it gets retries again
        Job timer = management.createJobQuery().processInstanceId(ticket.getId()).list().get(0);
        management.setJobRetries(timer.getId(), 0);
        Map<String, Double> failing = scrape();
        assertThat(failing.get("lianban_failed_jobs")).isEqualTo(later.get("lianban_failed_jobs") + 1);
        assertThat(failing.get("lianban_incidents")).isEqualTo(later.get("lianban_incidents") + 1);
        management.setJobRetries(timer.getId(), 3);
        Map<String, Double> retried = scrape();
        assertThat(retried.get("lianban_failed_jobs")).isEqualTo(later.get("lianban_failed_jobs"));
        assertThat(retried.get("lianban_incidents")).isEqualTo(later.get("lianban_incidents"));
    }

    private ProcessInstance started(ProcessInstance pi) {
        started.add(pi.getId());
        return pi;
    }

    private double mails(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = ?").param(status).query(Long.class).single();
    }

    /** The project's samples of a scrape as admin, by name with labels. */
    private Map<String, Double> scrape() {
        ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus",
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(answer.getBody());
        while (m.find()) {
            samples.put(m.group(1), Double.valueOf(m.group(2)));
        }
        assertThat(samples).as(answer.getBody()).containsKeys("lianban_failed_jobs", "lianban_incidents",
                "lianban_jobs_due", "lianban_jobs_late");
        return samples;
    }
}
