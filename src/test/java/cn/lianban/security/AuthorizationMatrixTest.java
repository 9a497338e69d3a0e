package cn.lianban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/** Who sees what: units see their own cases only, the city center sees all; REST is closed to anonymous callers. */
@LianbanTest
class AuthorizationMatrixTest {

    @Autowired
    IdentityService identity;
    @Autowired
    cn.lianban.support.AsUser users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver driver;

    private ProcessInstance caseOfA;

    @BeforeEach
    void fileACaseOfCommunityAAsItsSecretary() {
        caseOfA = as("secretary", () -> runtime.startProcessInstanceByKey("joint-handling",
                IssueDriver.filing("category", "HOUSING", "multiDepartment", true)));
        Task rate = as("committee", () -> tasks.createTaskQuery().processInstanceId(caseOfA.getId()).singleResult());
        as("committee", () -> {
            tasks.claim(rate.getId(), "committee");
            tasks.complete(rate.getId(), java.util.Map.of("color", "YELLOW"));
            return null;
        });
        as("committee", () -> {
            driver.scheduleMeeting(caseOfA);
            return null;
        });
        Task meet = as("committee", () -> tasks.createTaskQuery().processInstanceId(caseOfA.getId()).singleResult());
        as("committee", () -> {
            tasks.complete(meet.getId(), java.util.Map.of("leadDept", "housing", "coDepts", List.of(),
                    "deadline", java.time.LocalDate.now().plusDays(1).toString(), "minutes", "住建局牵头"));
            return null;
        });
    }

    @AfterEach
    void logout() {
        identity.clearAuthentication();
    }

    @Test
    void anotherCommunitysSecretarySeesNothingOfTheCase() {
        as("secretary2", () -> {
            assertThat(tasks.createTaskQuery().processInstanceId(caseOfA.getId()).count()).isZero();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseOfA.getId()).count()).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseOfA.getId()).count())
                    .isZero();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(caseOfA.getId()).count()).isZero();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseOfA.getId()).count())
                    .isZero();
            return null;
        });
        assertThatThrownBy(() -> as("secretary2", () -> runtime.getVariables(caseOfA.getId())))
                .hasMessageContaining("secretary2");
    }

    @Test
    void theFilingCommunityAndItsAreaFollowTheCase() {
        as("secretary", () -> {
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseOfA.getId()).count()).isOne();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseOfA.getId()).count())
                    .isOne();
            return null;
        });
        as("committee", () -> {
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(caseOfA.getId())
                    .taskDefinitionKey("rate").count()).isOne();
            return null;
        });
    }

    @Test
    void aDepartmentSeesOnlyItsOwnTasks() {
        List<Task> housingTasks = as("housing", () -> tasks.createTaskQuery().list());
        assertThat(housingTasks).isNotEmpty().allSatisfy(t -> assertThat(
                tasks.getIdentityLinksForTask(t.getId())).anyMatch(l -> "dept:housing".equals(l.getGroupId())));
        assertThat(housingTasks).anyMatch(t -> t.getProcessInstanceId().equals(caseOfA.getId()));
        assertThat(as("urban", () -> tasks.createTaskQuery().processInstanceId(caseOfA.getId()).count())).isZero();
    }

    @Test
    void theCityCenterSeesEverything() {
        as("center", () -> {
            assertThat(tasks.createTaskQuery().processInstanceId(caseOfA.getId()).count()).isOne();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseOfA.getId()).count())
                    .isOne();
            return null;
        });
    }

    @Test
    void restRequiresALoginAndAppliesTheSameRules() {
        String path = "/engine-rest/task?processInstanceId=" + caseOfA.getId();
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a wrong password counts against that login (security.login.LoginThrottle), so try it on one not used below
        assertThat(rest.withBasicAuth("gridworker", "wrong").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> other = rest.withBasicAuth("secretary2", "demo").getForEntity(path, String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(other.getBody()).isEqualTo("[]");
        assertThat(rest.withBasicAuth("secretary2", "demo").getForEntity(
                "/engine-rest/history/process-instance?processInstanceId=" + caseOfA.getId(), String.class).getBody())
                .isEqualTo("[]");

        assertThat(rest.withBasicAuth("housing", "demo").getForEntity(path, String.class).getBody())
                .contains(caseOfA.getId());
    }

    @Test
    void healthIsAnonymousAndTellsOnlyTheStatus() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void groupsWithoutAnyGrantChangeNothing() {
        // LeanAuthorizationChecks hands every group of the user to the check; one that holds no grant matches nothing
        identity.setAuthentication("housing", List.of("dept:housing", "no-such-group", "dept:none"));
        List<Task> seen = tasks.createTaskQuery().processInstanceId(caseOfA.getId()).list();
        identity.setAuthentication("secretary2", List.of("community:C-DL-02", "no-such-group"));
        long strangerSees = tasks.createTaskQuery().processInstanceId(caseOfA.getId()).count();
        identity.clearAuthentication();

        assertThat(seen).extracting(Task::getTaskDefinitionKey).containsExactly("handle");
        assertThat(strangerSees).isZero();
        assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) org.camunda.bpm.engine
                .ProcessEngines.getDefaultProcessEngine().getProcessEngineConfiguration()).getSessionFactories()
                .get(org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class).openSession())
                .as("the engine checks with the lean authorization manager")
                .isInstanceOf(LeanAuthorizationChecks.Manager.class);
    }

    @Test
    void askingForAnotherUnitsTasksStillFindsNone() {
        // a query for a group that is not the user's keeps Camunda's check, whatever else it says
        List<Task> byForeignGroup = as("secretary2", () -> tasks.createTaskQuery().taskCandidateGroup("dept:housing")
                .includeAssignedTasks().processInstanceId(caseOfA.getId()).list());
        List<Task> byOwnAndForeign = as("housing", () -> tasks.createTaskQuery()
                .taskCandidateGroupIn(List.of("dept:housing", "community:C-DL-02")).list());
        List<Task> byOwnGroups = as("housing", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("dept:housing"))
                .includeAssignedTasks().processInstanceId(caseOfA.getId()).list());

        assertThat(byForeignGroup).isEmpty();
        assertThat(byOwnAndForeign).isNotEmpty().allSatisfy(t -> assertThat(tasks.getIdentityLinksForTask(t.getId()))
                .anyMatch(l -> "dept:housing".equals(l.getGroupId())));
        assertThat(byOwnGroups).extracting(Task::getTaskDefinitionKey).containsExactly("handle");
    }

    @Test
    void aTaskClaimedByAColleagueStaysInTheUnitsClaimedOrNotList() {
        Task handle = as("housing", () -> tasks.createTaskQuery().processInstanceId(caseOfA.getId()).singleResult());
        tasks.claim(handle.getId(), "colleague-of-housing");

        List<Task> claimedOrNot = as("housing", () -> tasks.createTaskQuery().taskCandidateGroupIn(
                List.of("dept:housing")).includeAssignedTasks().processInstanceId(caseOfA.getId()).list());
        List<Task> open = as("housing", () -> tasks.createTaskQuery().taskCandidateGroupIn(List.of("dept:housing"))
                .processInstanceId(caseOfA.getId()).list());

        assertThat(claimedOrNot).extracting(Task::getAssignee).containsExactly("colleague-of-housing");
        assertThat(open).isEmpty();
    }

    private <T> T as(String user, Supplier<T> work) {
        return users.as(user, work);
    }
}
