package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.EngineClock;
import cn.lianban.support.AsUser;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/** Every path of the ticket process; raised Monday 2026-03-02 10:00, timers driven with the engine clock. */
class TicketProcessTest extends ProcessTestBase {

    @Autowired
    TaskService tasks;
    @Autowired
    TicketDriver tickets;
    @Autowired
    AsUser users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aListedItemGoesToItsDepartmentAndClosesAfterConfirmationAndRating() {
        ProcessInstance pi = tickets.raise();
        assertThat(pi.getBusinessKey()).matches("TK-2026-\\d{6}");
        assertThat(pi).isWaitingAt("accept").variables().containsEntry("deptCode", "urban")
                .containsEntry("status", "ACCEPTING").containsEntry("returns", 0L);
        assertThat(task()).hasCandidateGroup("dept:urban");
        assertThat(driver.variable(pi, "acceptBy")).isEqualTo(at(2026, 3, 3, 10, 0)); // 24 hours

        users.run("urban", () -> {
            tasks.claim(task().getId(), "urban");
            tasks.complete(task().getId(), java.util.Map.of("accepted", true));
        });
        assertThat(pi).isWaitingAt("resolve").variables().containsEntry("status", "RESOLVING")
                .containsKey("acceptedAt");
        assertThat(task()).isAssignedTo("urban");
        // R-001 allows 3 working days: Thursday 5 March, end of the working day
        assertThat(driver.variable(pi, "resolveBy")).isEqualTo(at(2026, 3, 5, 18, 0));

        driver.complete(pi, "resolve", "result", "已劝离摊贩并设置提示牌");
        assertThat(pi).isWaitingAt("confirm").variables().containsEntry("status", "CONFIRMING").containsKey("resolvedAt");
        assertThat(task()).hasCandidateGroup("community:C-DL-01");
        driver.complete(pi, "confirm", "solved", true);
        assertThat(pi).isWaitingAt("rate").variables().containsEntry("status", "RATING");
        driver.complete(pi, "rate", "satisfaction", 5);
        assertThat(pi).isEnded();
        assertThat(driver.events(pi.getBusinessKey())).containsExactly("RAISED", "DISPATCHED", "ACCEPTED", "RESOLVED",
                "CLOSED");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("TICKET_DISPATCHED") && m.contains("urban@dept"))
                .anyMatch(m -> m.startsWith("TICKET_PAIRED") && m.contains("@agency.lianban.demo"));
    }

    @Test
    void anUnlistedProblemGoesToTheStreetDeskFirst() {
        ProcessInstance pi = tickets.raise("itemCode", "");
        assertThat(pi).isWaitingAt("redispatch").variables().containsEntry("status", "DISPATCHING");
        assertThat(task()).hasCandidateGroup("street:S-DL");
        assertThatThrownBy(() -> driver.complete(pi, "redispatch", "deptCode", "nobody"))
                .hasMessageContaining("承办部门无效");
        driver.complete(pi, "redispatch", "deptCode", "housing");
        assertThat(pi).isWaitingAt("accept").variables().containsEntry("deptCode", "housing")
                .containsEntry("resolveDays", 7L);
        assertThat(task()).hasCandidateGroup("dept:housing");
    }

    @Test
    void notAcceptedWithin24HoursGoesToTheStreetDesk() {
        ProcessInstance pi = tickets.raise();
        driver.fireTimer(pi, "acceptTimeout");
        assertThat(pi).isWaitingAt("redispatch").hasPassed("acceptTimedOut");
        assertThat(driver.events(pi.getBusinessKey())).contains("ACCEPT_TIMEOUT");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("TICKET_ACCEPT_TIMEOUT") && m.contains("s-dl@street"));
    }

    @Test
    void aReturnNeedsAReasonAndGoesBackToTheDesk() {
        ProcessInstance pi = tickets.raise();
        assertThatThrownBy(() -> driver.complete(pi, "accept", "accepted", false)).hasMessageContaining("退单必须说明理由");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "属于市场监管职责");
        assertThat(pi).isWaitingAt("redispatch").variables().containsEntry("returns", 1L);
        driver.complete(pi, "redispatch", "deptCode", "market");
        assertThat(pi).isWaitingAt("accept");
        assertThat(task()).hasCandidateGroup("dept:market");
    }

    @Test
    void aSecondReturnIsDecidedByTheStreetOfficeAndCannotBeReturnedAgain() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", false, "returnReason", "不属于城管");
        driver.complete(pi, "redispatch", "deptCode", "market");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "也不属于市场监管");
        assertThat(pi).isWaitingAt("decide").variables().containsEntry("returns", 2L);
        assertThat(task()).hasCandidateGroup("street:S-DL");

        driver.complete(pi, "decide", "deptCode", "urban", "decisionNote", "占道经营由城管负责");
        assertThat(pi).isWaitingAt("resolve").hasPassed("imposeDepartment").variables()
                .containsEntry("deptCode", "urban");
        assertThat(task()).hasCandidateGroup("dept:urban");
        assertThat(driver.events(pi.getBusinessKey())).contains("IMPOSED");
    }

    @Test
    void notSolvedGoesBackToTheDepartmentWithAFreshLimit() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", false);
        assertThat(pi).isWaitingAt("resolve").variables().containsEntry("reopens", 1L);
        assertThat(driver.events(pi.getBusinessKey())).contains("REOPENED");
    }

    @Test
    void remindsBeforeAndMarksOverdueAfterTheResolutionLimit() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.fireTimer(pi, "resolveReminder");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("TICKET_REMINDER"));
        driver.fireTimer(pi, "resolveOverdue");
        assertThat(pi).isWaitingAt("resolve").variables().containsEntry("overdue", true);
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("TICKET_OVERDUE"));
        assertThat(task().getDueDate()).isEqualTo(at(2026, 3, 5, 18, 0));
    }

    @Test
    void aSatisfactionOutsideOneToFiveIsRefused() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        assertThatThrownBy(() -> driver.complete(pi, "rate", "satisfaction", 6)).hasMessageContaining("1 到 5");
        assertThat(pi).isWaitingAt("rate");
    }

    @Test
    void aTicketWithoutDescriptionOrForAnUnknownItemIsRefused() {
        assertThatThrownBy(() -> tickets.raise("description", "")).hasMessageContaining("问题描述");
        assertThatThrownBy(() -> tickets.raise("itemCode", "R-999")).hasMessageContaining("R-999");
        assertThatThrownBy(() -> tickets.raise("gridCode", "G-XJ-01-01")).hasMessageContaining("不属于社区");
    }

    @Test
    void anAgencyMemberBlowsTheWhistleInTheGridTheyArePlacedIn() {
        long member = jdbc.queryForObject("SELECT MIN(id) FROM agency_member WHERE grid_code = 'G-DL-01-01'", Long.class);
        ProcessInstance pi = tickets.raise("memberId", member);
        assertThat(pi).isWaitingAt("accept").variables().containsEntry("memberId", member).containsKey("memberName");
        assertThat(jdbc.queryForObject("SELECT detail FROM case_event WHERE business_key = ? AND action = 'RAISED'",
                String.class, pi.getBusinessKey())).startsWith("下沉机关党员 ");
        long elsewhere = jdbc.queryForObject("SELECT MIN(id) FROM agency_member WHERE grid_code <> 'G-DL-01-01'",
                Long.class);
        assertThatThrownBy(() -> tickets.raise("memberId", elsewhere)).hasMessageContaining("未下沉到该网格");
        assertThatThrownBy(() -> tickets.raise("memberId", 99_999_999L)).hasMessageContaining("没有编号为");
    }

    @Test
    void aGridWorkerRaisesForTheirOwnCommunityOnly() {
        ProcessInstance pi = users.as("gridworker", () -> engine.getRuntimeService()
                .startProcessInstanceByKey("ticket", TicketDriver.ticket()));
        assertThat(pi.getBusinessKey()).startsWith("TK-");
        assertThatThrownBy(() -> users.as("gridworker", () -> engine.getRuntimeService()
                .startProcessInstanceByKey("ticket", TicketDriver.ticket("communityCode", "C-XJ-01",
                        "gridCode", null)))).hasMessageContaining("只能为本社区或本网格点单");
    }

    @Test
    void twoPeopleClaimingTheSameTaskAtOnceOneWinsTheOtherIsTold() throws Exception {
        ProcessInstance pi = tickets.raise();
        String taskId = driver.task(pi, "accept").getId();
        engine.getIdentityService().saveUser(userIfMissing("urban2"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String user : List.of("urban", "urban2")) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    tasks.claim(taskId, user);
                    return "won:" + user;
                } catch (RuntimeException e) {
                    return "lost:" + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Collections.sort(results);
        assertThat(results).filteredOn(r -> r.startsWith("won:")).hasSize(1);
        assertThat(results).filteredOn(r -> r.startsWith("lost:")).hasSize(1)
                .allMatch(r -> r.contains("already claimed") || r.contains("updated by another transaction"));
        String winner = results.stream().filter(r -> r.startsWith("won:")).findFirst().orElseThrow().substring(4);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
    }

    private org.camunda.bpm.engine.identity.User userIfMissing(String id) {
        var identity = engine.getIdentityService();
        var existing = identity.createUserQuery().userId(id).singleResult();
        if (existing != null) {
            return existing;
        }
        var user = identity.newUser(id);
        user.setFirstName("城管二");
        user.setLastName("");
        user.setEmail(id + "@lianban.demo");
        user.setPassword("demo");
        return user;
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
