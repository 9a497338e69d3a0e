package cn.lianban.security.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;
import cn.lianban.support.Visitor;

/**
 * A task accepts the fields of its own form and nothing else, at both doors of Camunda's REST API and for
 * administrators too; a start accepts the fields of its start form. Outside a form only administrators write
 * variables or move instances.
 */
@LianbanTest
class FormFieldsRuleTest {

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;
    @Autowired
    TicketDriver tickets;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"complete", "submit-form", "resolve"})
    void aForeignVariableOnACompletionIs400NamingItAndTheTaskStaysOpen(String call) {
        ProcessInstance pi = tickets.raise();
        Task accept = accept(pi);
        for (String user : new String[]{"urban", "admin"}) {
            ResponseEntity<String> refused = post(user, "/engine-rest/task/" + accept.getId() + "/" + call,
                    Map.of("variables", variables("accepted", true, "communityGroup", "dept:urban")));
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody()).contains("\"error\":\"field_not_allowed\"").contains("\"type\"")
                    .contains("communityGroup").doesNotContain("accepted");
            assertThat(tasks.createTaskQuery().taskId(accept.getId()).count()).as("task still open").isOne();
            assertThat(runtime.getVariable(pi.getId(), "communityGroup")).isNotEqualTo("dept:urban");
        }
    }

    @Test
    void theFormsOwnFieldsPass() {
        ProcessInstance pi = tickets.raise();
        Task accept = accept(pi);
        ResponseEntity<String> done = post("urban", "/engine-rest/task/" + accept.getId() + "/submit-form",
                Map.of("variables", variables("accepted", true)));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(accept.getId()).count()).isZero();
    }

    @Test
    void tasklistsDoorRefusesAForeignVariableToo() throws Exception {
        ProcessInstance pi = tickets.raise();
        Task accept = accept(pi);
        Visitor urban = new Visitor(port);
        urban.logIn("urban");
        urban.get("/camunda/app/tasklist/default/");
        var refused = urban.webappPostJson("/camunda/api/engine/engine/default/task/" + accept.getId()
                + "/submit-form", "{\"variables\":{\"accepted\":{\"value\":true},\"level\":{\"value\":1}}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("field_not_allowed").contains("level");
        assertThat(tasks.createTaskQuery().taskId(accept.getId()).count()).isOne();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"start", "submit-form"})
    void aForeignVariableOnAStartIs400AndStartsNothing(String call) {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("ticket").count();
        Map<String, Object> fields = variables("itemCode", "R-001", "description", "路灯不亮", "communityCode", "C-DL-01",
                "dueDate", "2026-01-01T00:00:00.000+0800");
        ResponseEntity<String> refused = post("secretary", "/engine-rest/process-definition/key/ticket/" + call,
                Map.of("variables", fields));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("dueDate");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ticket").count()).isEqualTo(before);

        fields.remove("dueDate");
        ResponseEntity<String> started = post("secretary", "/engine-rest/process-definition/key/ticket/" + call,
                Map.of("variables", fields));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ticket").count()).isEqualTo(before + 1);
    }

    @Test
    void startingInTheMiddleOfAProcessIsForAdministrators() {
        ResponseEntity<String> refused = post("secretary", "/engine-rest/process-definition/key/ticket/start",
                Map.of("startInstructions", new Object[]{Map.of("type", "startBeforeActivity", "activityId", "rate")}));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
        assertThat(refused.getBody()).contains(FormFieldsRule.SKIPS_STEPS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"secretary", "urban", "housing", "center"})
    void variableWritesOutsideAFormAreRefusedToNonAdministrators(String user) {
        ProcessInstance pi = tickets.raise();
        Task accept = accept(pi);
        String task = "/engine-rest/task/" + accept.getId();
        String instance = "/engine-rest/process-instance/" + pi.getId();
        Map<String, Object> value = Map.of("value", "dept:" + user, "type", "String");
        Map<String, Object> modifications = Map.of("modifications", variables("communityGroup", "dept:" + user));

        refusedWrite(call(user, HttpMethod.PUT, task + "/variables/communityGroup", value));
        refusedWrite(call(user, HttpMethod.PUT, task + "/localVariables/communityGroup", value));
        refusedWrite(post(user, task + "/variables", modifications));
        refusedWrite(call(user, HttpMethod.DELETE, task + "/variables/communityCode", null));
        refusedWrite(call(user, HttpMethod.PUT, instance + "/variables/communityGroup", value));
        refusedWrite(post(user, instance + "/variables", modifications));
        refusedWrite(call(user, HttpMethod.DELETE, instance + "/variables/communityCode", null));
        refusedWrite(call(user, HttpMethod.PUT, "/engine-rest/execution/" + pi.getId() + "/localVariables/level",
                value));
        refusedWrite(post(user, instance + "/modification", Map.of("instructions",
                new Object[]{Map.of("type", "startBeforeActivity", "activityId", "rate")})));
        refusedWrite(call(user, HttpMethod.PUT, instance + "/suspended", Map.of("suspended", true)));
        refusedWrite(call(user, HttpMethod.DELETE, instance, null));
        refusedWrite(post(user, "/engine-rest/signal", Map.of("name", "any")));
        refusedWrite(post(user, "/engine-rest/message", Map.of("messageName", "any")));

        assertThat(runtime.getVariable(pi.getId(), "communityGroup")).isEqualTo("community:C-DL-01");
        assertThat(runtime.getVariable(pi.getId(), "communityCode")).isEqualTo("C-DL-01");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).active().count()).isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isOne();
        // reading stays open
        assertThat(post(user, "/engine-rest/process-instance/count", Map.of()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void administratorsRepairVariables() {
        ProcessInstance pi = tickets.raise();
        ResponseEntity<String> set = call("admin", HttpMethod.PUT,
                "/engine-rest/process-instance/" + pi.getId() + "/variables/note", Map.of("value", "已核实", "type", "String"));
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(204);
        assertThat(runtime.getVariable(pi.getId(), "note")).isEqualTo("已核实");
    }

    /** Issue #13: the street desk's decision and a helper's 配合 take their own forms' fields only. */
    @Test
    void theStreetDecisionAndTheHelpersTaskTakeOnlyTheirOwnFields() {
        ProcessInstance pi = tickets.raise("itemCode", "R-142");
        complete(pi, "accept", "accepted", true);
        Task help = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help")
                .taskCandidateGroup("dept:housing").singleResult();
        ResponseEntity<String> refused = post("housing", "/engine-rest/task/" + help.getId() + "/complete",
                Map.of("variables", variables("helpResult", "已配合", "result", "已办结")));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("result");
        assertThat(tasks.createTaskQuery().taskId(help.getId()).count()).isOne();
        ResponseEntity<String> helped = post("housing", "/engine-rest/task/" + help.getId() + "/complete",
                Map.of("variables", variables("helpResult", "已配合")));
        assertThat(helped.getStatusCode().value()).as(helped.getBody()).isEqualTo(204);

        for (int round = 0; round < 2; round++) {
            complete(pi, "resolve", "result", "已整治");
            complete(pi, "confirm", "solved", false);
        }
        Task decide = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("streetDecide")
                .singleResult();
        refused = post("street", "/engine-rest/task/" + decide.getId() + "/complete", Map.of("variables",
                variables("streetDecision", "REDISPATCH", "decisionNote", "改派", "deptCode", "market")));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("deptCode");
        assertThat(runtime.getVariable(pi.getId(), "deptCode")).isEqualTo("urban");
        ResponseEntity<String> decided = post("street", "/engine-rest/task/" + decide.getId() + "/complete",
                Map.of("variables", variables("streetDecision", "REDISPATCH", "redispatchDept", "market",
                        "decisionNote", "改派")));
        assertThat(decided.getStatusCode().value()).as(decided.getBody()).isEqualTo(204);
        assertThat(runtime.getVariable(pi.getId(), "deptCode")).isEqualTo("market");
    }

    private void complete(ProcessInstance pi, String key, Object... namesAndValues) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            v.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult()
                .getId(), v);
    }

    private Task accept(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("accept").singleResult();
    }

    private static void refusedWrite(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
        assertThat(answer.getBody()).contains("\"type\"").contains(VariableWritesRule.REFUSED);
    }

    /** Camunda's typed variables: name → {"value": v}. */
    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return typed;
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
