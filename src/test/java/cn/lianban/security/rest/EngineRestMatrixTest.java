package cn.lianban.security.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Camunda's REST API, role by role, on a ticket of a unit that is not theirs: claiming or assigning it to someone,
 * throwing a BPMN error or escalation the model does not catch, reading or deleting its attachments and comments
 * (by list and by id), and reading engine-wide figures are all refused, and nothing changes. Then what must keep
 * working: one's own claim, reassignment by the leads to a member of the task's unit, the city center's statistics,
 * attachments and comments for those who see the case, and an error the model does catch.
 */
@LianbanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestMatrixTest {

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
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    /** Community A's ticket for 城管局 (urban) and community B's for 住建局 (housing), each with notes attached. */
    Ticket ticketA;
    Ticket ticketB;

    record Ticket(ProcessInstance instance, Task accept, String candidate, String attachmentId, String commentId,
                  String caseCommentId) {
    }

    @BeforeAll
    void twoTicketsWithNotes() {
        ticketA = ticket("urban", "R-001", "C-DL-01", "G-DL-01-01");
        ticketB = ticket("housing", "R-034", "C-XJ-01", "G-XJ-01-01");
    }

    /** Each login and a ticket of a unit that is not theirs. */
    Stream<Arguments> strangers() {
        return Stream.of(Arguments.of("secretary", "B"), Arguments.of("secretary2", "A"),
                Arguments.of("gridworker", "B"), Arguments.of("committee", "B"), Arguments.of("street", "B"),
                Arguments.of("housing", "A"), Arguments.of("urban", "B"), Arguments.of("deputy01", "A"));
    }

    @ParameterizedTest(name = "{0} on ticket {1}")
    @MethodSource("strangers")
    void aStrangerIsRefusedEverythingAndNothingChanges(String user, String which) {
        Ticket t = which.equals("A") ? ticketA : ticketB;
        String task = "/engine-rest/task/" + t.accept().getId();

        refused(post(user, task + "/claim", Map.of("userId", t.candidate())), 403, "只能为自己认领任务");
        refused(post(user, task + "/assignee", Map.of("userId", t.candidate())), 403, "只能为自己认领任务");
        refused(post(user, task + "/delegate", Map.of("userId", t.candidate())), 403, "只能为自己认领任务");
        refused(post(user, task + "/identity-links", Map.of("groupId", "community:C-XJ-01", "type", "candidate")),
                403, "管理员");
        refused(post(user, task + "/bpmnError", Map.of("errorCode", "ANY")), 400, "不能以业务错误结束");
        refused(post(user, task + "/bpmnEscalation", Map.of("escalationCode", "ANY")), 400, "不能发起升级");

        String attachment = task + "/attachment/" + t.attachmentId();
        for (String path : List.of(task + "/attachment", attachment, attachment + "/data", task + "/comment",
                task + "/comment/" + t.commentId())) {
            refused(get(user, path), 404, "没有找到该任务");
        }
        refused(call(user, HttpMethod.DELETE, attachment, null), 404, "没有找到该任务");
        refused(post(user, task + "/comment/create", Map.of("message", "冒名意见")), 404, "没有找到该任务");
        refused(get(user, "/engine-rest/process-instance/" + t.instance().getId() + "/comment"), 404, "没有找到该事项");

        for (String path : List.of("/engine-rest/process-definition/statistics", "/engine-rest/job-definition",
                "/engine-rest/job", "/engine-rest/incident", "/engine-rest/deployment", "/engine-rest/history/job-log",
                "/engine-rest/process-definition/key/ticket/statistics")) {
            refused(get(user, path), 403, "仅限市城市党建服务中心和管理员");
        }

        unchanged(t);
    }

    @Test
    void theWebappsDoorIsGuardedAlike() throws Exception {
        Visitor secretary2 = new Visitor(port);
        secretary2.logIn("secretary2");
        secretary2.get("/camunda/app/tasklist/default/");
        String api = "/camunda/api/engine/engine/default";
        String task = api + "/task/" + ticketA.accept().getId();
        assertThat(secretary2.get(task + "/attachment/" + ticketA.attachmentId() + "/data").statusCode()).isEqualTo(404);
        assertThat(secretary2.get(task + "/comment").statusCode()).isEqualTo(404);
        assertThat(secretary2.get(api + "/process-definition/statistics").statusCode()).isEqualTo(403);
        assertThat(secretary2.webappPostJson(task + "/claim", "{\"userId\":\"urban\"}").body())
                .contains("只能为自己认领任务");
        assertThat(secretary2.webappPostJson(task + "/bpmnError", "{\"errorCode\":\"X\"}").statusCode())
                .isEqualTo(400);
        unchanged(ticketA);
    }

    @Test
    void aUserClaimsTheirOwnTask() {
        Ticket t = ticket("urban", "R-001", "C-DL-01", "G-DL-01-01");
        assertThat(post("urban", "/engine-rest/task/" + t.accept().getId() + "/claim", Map.of("userId", "urban"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(assignee(t)).isEqualTo("urban");
    }

    @Test
    void leadsReassignToAMemberOfTheTasksUnitOnly() {
        Ticket t = ticket("urban", "R-001", "C-DL-01", "G-DL-01-01");
        String task = "/engine-rest/task/" + t.accept().getId();
        refused(post("admin", task + "/assignee", Map.of("userId", "housing")), 403, "只能改派给任务所属单位的成员");
        assertThat(assignee(t)).isNull();
        assertThat(post("admin", task + "/assignee", Map.of("userId", "urban")).getStatusCode().value()).isEqualTo(204);
        assertThat(assignee(t)).isEqualTo("urban");

        // the street office of community A's street, for its street's ticket
        Ticket other = ticket("urban", "R-001", "C-DL-01", "G-DL-01-01");
        assertThat(post("street", "/engine-rest/task/" + other.accept().getId() + "/assignee",
                Map.of("userId", "urban")).getStatusCode().value()).isEqualTo(204);
        assertThat(assignee(other)).isEqualTo("urban");
        // the city center too
        Ticket third = ticket("housing", "R-034", "C-XJ-01", "G-XJ-01-01");
        assertThat(post("center", "/engine-rest/task/" + third.accept().getId() + "/assignee",
                Map.of("userId", "housing")).getStatusCode().value()).isEqualTo(204);
        assertThat(assignee(third)).isEqualTo("housing");
    }

    @Test
    void theCityCenterAndAdministratorsReadEngineWideFigures() {
        for (String user : List.of("center", "admin")) {
            ResponseEntity<String> statistics = get(user, "/engine-rest/process-definition/statistics");
            assertThat(statistics.getStatusCode().value()).isEqualTo(200);
            assertThat(statistics.getBody()).contains("\"key\":\"ticket\"");
            assertThat(get(user, "/engine-rest/job-definition").getStatusCode().value()).isEqualTo(200);
        }
        // reading the definitions themselves stays open to every role: Tasklist's start dialog needs them
        assertThat(get("secretary", "/engine-rest/process-definition?key=ticket").getBody()).contains("\"key\":\"ticket\"");
    }

    @Test
    void whoSeesTheTaskOrItsCaseReadsItsNotes() {
        String task = "/engine-rest/task/" + ticketA.accept().getId();
        assertThat(get("urban", task + "/attachment").getBody()).contains(ticketA.attachmentId());
        assertThat(get("urban", task + "/attachment/" + ticketA.attachmentId() + "/data").getBody()).isEqualTo("现场照片说明");
        assertThat(get("urban", task + "/comment/" + ticketA.commentId()).getBody()).contains("请尽快处理");
        // community A's secretary follows the case: reads its notes, changes none of the task's
        assertThat(get("secretary", task + "/comment").getBody()).contains("请尽快处理");
        assertThat(get("secretary", "/engine-rest/process-instance/" + ticketA.instance().getId() + "/comment")
                .getBody()).contains("已派城管局");
        refused(call("secretary", HttpMethod.DELETE, task + "/attachment/" + ticketA.attachmentId(), null), 403,
                "只有任务的办理单位");
        assertThat(tasks.getTaskAttachments(ticketA.accept().getId())).hasSize(1);
    }

    @Test
    void anErrorTheModelCatchesAtTheTaskGoesThrough() {
        Deployment deployment = repository.createDeployment().addModelInstance("guard-test.bpmn",
                Bpmn.createExecutableProcess("guard-test").startEvent()
                        .userTask("work").camundaCandidateGroups("dept:urban")
                        .boundaryEvent("refused").error("REFUSED").userTask("afterRefusal").endEvent()
                        .moveToActivity("work").endEvent().done()).deploy();
        try {
            ProcessInstance pi = runtime.startProcessInstanceByKey("guard-test");
            String work = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
            refused(post("urban", "/engine-rest/task/" + work + "/bpmnError", Map.of("errorCode", "OTHER")), 400,
                    "不能以业务错误结束");
            assertThat(post("urban", "/engine-rest/task/" + work + "/bpmnError", Map.of("errorCode", "REFUSED"))
                    .getStatusCode().value()).isEqualTo(204);
            assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                    .isEqualTo("afterRefusal");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private Ticket ticket(String dept, String item, String community, String grid) {
        ProcessInstance pi = tickets.raise("itemCode", item, "communityCode", community, "gridCode", grid);
        Task accept = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("accept").singleResult();
        String attachment = tasks.createAttachment("text/plain", accept.getId(), pi.getId(), "现场照片", "说明",
                new ByteArrayInputStream("现场照片说明".getBytes(StandardCharsets.UTF_8))).getId();
        String comment = tasks.createComment(accept.getId(), pi.getId(), "请尽快处理").getId();
        String caseComment = tasks.createComment(null, pi.getId(), "已派城管局").getId();
        return new Ticket(pi, accept, dept, attachment, comment, caseComment);
    }

    private void unchanged(Ticket t) {
        Task now = tasks.createTaskQuery().taskId(t.accept().getId()).singleResult();
        assertThat(now).as("the task is still open").isNotNull();
        assertThat(now.getAssignee()).isNull();
        assertThat(now.getOwner()).isNull();
        assertThat(now.getDelegationState()).isNull();
        assertThat(tasks.getIdentityLinksForTask(now.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("dept:" + t.candidate());
        assertThat(tasks.getTaskAttachments(now.getId())).extracting(a -> a.getId()).containsExactly(t.attachmentId());
        assertThat(tasks.getTaskComments(now.getId())).extracting(c -> c.getId()).containsExactly(t.commentId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(t.instance().getId()).active().count())
                .isOne();
    }

    private String assignee(Ticket t) {
        return tasks.createTaskQuery().taskId(t.accept().getId()).singleResult().getAssignee();
    }

    private static void refused(ResponseEntity<String> answer, int status, String message) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).contains("\"type\"").contains(message).doesNotContain("ENGINE-");
    }

    private ResponseEntity<String> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    private ResponseEntity<String> post(String user, String path, Map<String, String> body) {
        return call(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
