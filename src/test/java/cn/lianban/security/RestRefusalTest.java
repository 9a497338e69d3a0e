package cn.lianban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.EngineClock;
import cn.lianban.issue.IssueService;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * Camunda REST answers the starts and completions the project refuses as the contract says ("Task completion"):
 * 400 with Camunda's body {type, message} carrying the Chinese sentence alone, 409 when the task was finished by
 * someone else first (or claimed by someone else first), 404 for an unknown task; nothing is changed.
 */
@LianbanTest
class RestRefusalTest {

    private static final String JOINT_HANDLING = "/engine-rest/process-definition/key/joint-handling/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver issues;
    @Autowired
    IssueService issueService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @ParameterizedTest
    @ValueSource(strings = {"start", "submit-form"})
    void aRefusedStartAnswers400WithTheSentenceAloneAndFilesNothing(String call) throws Exception {
        long before = runtime.createProcessInstanceQuery().count();

        ResponseEntity<String> refused = post("secretary", JOINT_HANDLING + call,
                IssueDriver.filing("title", "路".repeat(101)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(refused)).isEqualTo(Map.of("type", "UserInputException", "message", "标题不能超过100个字"));
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    /** Tasklist's start dialog calls submit-form; its answer carries the case number the register step gave. */
    @Test
    void anAcceptedStartAnswersWithTheCaseNumber() throws Exception {
        ResponseEntity<String> started = post("secretary", JOINT_HANDLING + "submit-form", IssueDriver.filing());

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String businessKey = (String) body(started).get("businessKey");
        assertThat(businessKey).matches("JH-\\d{4}-\\d{6}");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete", "submit-form"})
    void aRefusedCompletionAnswers400AndTheTaskStaysOpen(String call) throws Exception {
        ProcessInstance pi = yellowCaseAtTheMeeting();
        String meet = issues.task(pi, "meet").getId();
        assertThat(issues.variable(pi, "level")).isEqualTo(3);
        String latest = issueService.deadlineForLevel(3).due().toLocalDate().toString();

        ResponseEntity<String> refused = post("committee", "/engine-rest/task/" + meet + "/" + call,
                Map.of("leadDept", "housing", "minutes", "住建局牵头",
                        "deadline", EngineClock.now().toLocalDate().plusYears(1).toString()));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(refused)).isEqualTo(Map.of("type", "UserInputException",
                "message", "办理期限不能晚于本级时限 " + latest + "（" + CaseLabels.levelName(3) + "）"));
        assertThat(tasks.createTaskQuery().taskId(meet).count()).as("the meeting task stays open").isOne();
        assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("meet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete", "submit-form"})
    void completingATaskSomeoneElseFinishedFirstIs409(String call) throws Exception {
        ProcessInstance pi = issues.file("category", "HOUSING", "multiDepartment", true);
        String rate = issues.task(pi, "rate").getId();
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);

        ResponseEntity<String> late = post("committee", "/engine-rest/task/" + rate + "/" + call,
                Map.of("color", "RED", "overrideReason", "涉及多个部门"));

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(late)).isEqualTo(Map.of("type", "TaskAlreadyCompletedException",
                "message", "该任务已办理完毕（可能已由他人提交），请刷新任务列表"));
        assertThat(issues.variable(pi, "color")).as("the first decision stands").isEqualTo("YELLOW");
    }

    @Test
    void claimingATaskSomeoneElseClaimedFirstIs409() throws Exception {
        ProcessInstance pi = issues.file();
        String rate = issues.task(pi, "rate").getId();
        tasks.claim(rate, "committee-colleague");

        ResponseEntity<String> late = rest.withBasicAuth("committee", "demo")
                .postForEntity("/engine-rest/task/" + rate + "/claim", Map.of("userId", "committee"), String.class);

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(late)).isEqualTo(Map.of("type", "TaskAlreadyClaimedException",
                "message", "该任务已被他人认领，请刷新任务列表"));
        assertThat(issues.task(pi, "rate").getAssignee()).isEqualTo("committee-colleague");
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete", "submit-form"})
    void anUnknownTaskIs404(String call) throws Exception {
        ResponseEntity<String> unknown = post("committee",
                "/engine-rest/task/" + UUID.randomUUID() + "/" + call, Map.of("color", "RED"));

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(unknown)).isEqualTo(Map.of("type", "NotFoundException", "message", "找不到该任务，请刷新任务列表"));
    }

    private ProcessInstance yellowCaseAtTheMeeting() {
        ProcessInstance pi = issues.file("category", "HOUSING", "multiDepartment", true);
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        return pi;
    }

    /** Posts {"variables": {name: {"value": v}}} as Tasklist and REST clients do, with HTTP Basic. */
    private ResponseEntity<String> post(String user, String path, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return rest.withBasicAuth(user, "demo").postForEntity(path, Map.of("variables", typed), String.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ResponseEntity<String> response) throws Exception {
        assertThat(response.getBody()).as("answer body").isNotNull();
        return JSON.readValue(response.getBody(), Map.class);
    }
}
