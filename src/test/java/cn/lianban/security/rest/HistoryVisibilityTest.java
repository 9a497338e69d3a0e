package cn.lianban.security.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;
import cn.lianban.support.Visitor;

/**
 * A case's history and running state, read by id or queried by its instance or business key, at both doors of
 * Camunda's REST API: a unit the case is not open to gets for every id exactly the answer for an id that does not
 * exist, and empty lists; community A's secretary still reads its case's history.
 */
@LianbanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryVisibilityTest {

    /** An id of nothing: what a stranger gets must not differ from what this one gets. */
    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;
    @Autowired
    IssueDriver issues;
    @Autowired
    TicketDriver tickets;
    @Autowired
    HistoryService history;

    /** A joint-handling case of community A, waiting to be rated by its area; a ticket of A dispatched to 住建局. */
    Case jointCase;
    Case ticket;

    record Case(String instanceId, String businessKey, String taskId, String variableId) {
    }

    @BeforeAll
    void twoCasesOfCommunityA() {
        jointCase = facts(issues.file());
        ticket = facts(tickets.raise("itemCode", "R-034", "communityCode", "C-DL-01", "gridCode", "G-DL-01-01"));
    }

    /** Each login and a case of community A that is not open to it. */
    Stream<Arguments> strangers() {
        return Stream.of(Arguments.of("secretary2", "joint"), Arguments.of("secretary2", "ticket"),
                Arguments.of("urban", "joint"), Arguments.of("urban", "ticket"), Arguments.of("housing", "joint"),
                Arguments.of("deputy01", "joint"), Arguments.of("deputy01", "ticket"));
    }

    @ParameterizedTest(name = "{0} on the {1} of community A")
    @MethodSource("strangers")
    void aStrangerFindsNothingByIdAndEmptyLists(String user, String which) throws Exception {
        Case c = which.equals("joint") ? jointCase : ticket;
        Visitor webapp = new Visitor(port);
        webapp.logIn(user);
        webapp.get("/camunda/app/tasklist/default/");
        for (String path : byId(c)) {
            String stranger = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest" + path, String.class)
                    .getBody();
            assertThat(stranger).as(path).isEqualTo(nothing(user, path, c));
            assertThat(stranger).as(path).contains("\"type\"").doesNotContain(c.businessKey()).doesNotContain("C-DL-01");
            assertThat(webapp.get("/camunda/api/engine/engine/default" + path).body()).as("webapp " + path)
                    .isEqualTo(stranger);
        }
        for (String path : queries(c)) {
            var answer = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest" + path, String.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(answer.getBody()).as(path).isIn("[]", "{\"count\":0}");
            assertThat(webapp.get("/camunda/api/engine/engine/default" + path).body()).as("webapp " + path)
                    .isEqualTo(answer.getBody());
        }
    }

    @Test
    void theCommunityReadsItsCasesHistory() {
        for (Case c : List.of(jointCase, ticket)) {
            String id = c.instanceId();
            assertThat(read("/history/process-instance/" + id)).contains(c.businessKey());
            assertThat(read("/history/process-instance?processInstanceBusinessKey=" + c.businessKey())).contains(id);
            assertThat(read("/history/task?processInstanceId=" + id)).contains(c.taskId());
            assertThat(read("/history/variable-instance?processInstanceId=" + id)).contains("C-DL-01");
            assertThat(read("/history/variable-instance/" + c.variableId())).contains("C-DL-01");
            assertThat(read("/history/activity-instance?processInstanceId=" + id)).contains(c.taskId());
            assertThat(read("/history/detail?processInstanceId=" + id)).contains("C-DL-01");
            assertThat(read("/history/identity-link-log?taskId=" + c.taskId())).contains(c.taskId());
            assertThat(read("/process-instance/" + id)).contains(c.businessKey());
            assertThat(read("/process-instance/" + id + "/variables")).contains("C-DL-01");
            assertThat(read("/variable-instance?processInstanceIdIn=" + id)).contains("C-DL-01");
        }
    }

    private String read(String path) {
        var answer = rest.withBasicAuth("secretary", "demo").getForEntity("/engine-rest" + path, String.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return answer.getBody();
    }

    /** The stranger's answer must be the answer for an id of nothing (with the ids swapped, as messages name them). */
    private String nothing(String user, String path, Case c) {
        String none = path.replace(c.instanceId(), NOBODY).replace(c.taskId(), NOBODY).replace(c.variableId(), NOBODY);
        var answer = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest" + none, String.class);
        assertThat(answer.getStatusCode().value()).as(none).isEqualTo(404);
        return answer.getBody().replace(NOBODY, path.contains(c.variableId()) ? c.variableId()
                : path.contains(c.taskId()) ? c.taskId() : c.instanceId());
    }

    private static List<String> byId(Case c) {
        String pi = c.instanceId();
        return List.of("/history/process-instance/" + pi, "/history/variable-instance/" + c.variableId(),
                "/history/variable-instance/" + c.variableId() + "/data", "/process-instance/" + pi,
                "/process-instance/" + pi + "/variables", "/process-instance/" + pi + "/activity-instances",
                "/task/" + c.taskId(), "/task/" + c.taskId() + "/variables", "/task/" + c.taskId() + "/form-variables");
    }

    private static List<String> queries(Case c) {
        String pi = c.instanceId();
        return List.of("/history/process-instance?processInstanceBusinessKey=" + c.businessKey(),
                "/history/process-instance?processInstanceId=" + pi, "/history/task?processInstanceId=" + pi,
                "/history/task?taskId=" + c.taskId(), "/history/task/count?processInstanceId=" + pi,
                "/history/variable-instance?processInstanceId=" + pi, "/history/activity-instance?processInstanceId=" + pi,
                "/history/detail?processInstanceId=" + pi, "/history/identity-link-log?taskId=" + c.taskId(),
                "/history/user-operation?processInstanceId=" + pi, "/process-instance?businessKey=" + c.businessKey(),
                "/task?processInstanceId=" + pi, "/variable-instance?processInstanceIdIn=" + pi,
                "/execution?processInstanceId=" + pi);
    }

    private Case facts(ProcessInstance pi) {
        String id = pi.getId();
        return new Case(id,
                history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey(),
                history.createHistoricTaskInstanceQuery().processInstanceId(id).list().get(0).getId(),
                history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("communityCode")
                        .singleResult().getId());
    }
}
