package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.directory.Roles;
import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * Issue 14: a grid worker sees the cases and tickets of his grid, those of his community that name no grid, and
 * what he filed; a case or ticket of another grid of the same community is 404 for him, as for a stranger.
 * {@code gridworker} works in G-DL-01-01; {@code gridworker3}, made here, in G-DL-01-02.
 */
@LianbanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GridCasesTest {

    private static final String OTHER = "gridworker3";
    private static final String START = "/engine-rest/process-definition/key/joint-handling/start";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;
    @Autowired
    AsUser users;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;

    private final ObjectMapper json = new ObjectMapper();
    private String ownGrid;
    private String otherGrid;
    private String wholeCommunity;
    private String ticketOwnGrid;
    private String ticketOtherGrid;

    @BeforeAll
    void casesOfTwoGridsAndOfTheWholeCommunity() throws IOException {
        User user = identity.newUser(OTHER);
        user.setFirstName("吴网格");
        user.setLastName("");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(OTHER, Roles.GRID_WORKER);
        identity.createMembership(OTHER, "grid:G-DL-01-02");

        // the grid worker files through Camunda REST as Tasklist and the phone page do, leaving community and grid
        Map<String, Object> filing = IssueDriver.filing("title", "网格内井盖破损");
        filing.remove("communityCode");
        ResponseEntity<String> started = start("gridworker", filing);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode instance = json.readTree(started.getBody());
        ownGrid = instance.get("businessKey").asText();
        assertThat(runtime.getVariable(instance.get("id").asText(), "gridCode")).isEqualTo("G-DL-01-01");

        otherGrid = users.as("secretary", () -> driver.file("title", "二网格路灯", "gridCode", "G-DL-01-02"))
                .getBusinessKey();
        wholeCommunity = users.as("secretary", () -> driver.file("title", "全社区停水")).getBusinessKey();
        ticketOwnGrid = users.as("secretary", () -> tickets.raise()).getBusinessKey();
        ticketOtherGrid = users.as("secretary", () -> tickets.raise("gridCode", "G-DL-01-02")).getBusinessKey();
    }

    @AfterAll
    void removeWorker() {
        identity.deleteUser(OTHER);
    }

    @Test
    void aGridWorkerSeesHisGridAndHisCommunitysCommonCasesButNotAnotherGrids() {
        for (String key : List.of(ownGrid, wholeCommunity, ticketOwnGrid)) {
            assertThat(get("gridworker", "/api/cases/" + key).getStatusCode()).as(key).isEqualTo(HttpStatus.OK);
        }
        for (String key : List.of(otherGrid, ticketOtherGrid)) {
            assertThat(get("gridworker", "/api/cases/" + key).getStatusCode()).as(key).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("gridworker", "/cases/" + key).getStatusCode()).as(key).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get(OTHER, "/api/cases/" + key).getStatusCode()).as(key).isEqualTo(HttpStatus.OK);
        }
        // the same answer as for a case that does not exist
        assertThat(get("gridworker", "/api/cases/" + otherGrid).getBody().replace(otherGrid, "KEY"))
                .isEqualTo(get("gridworker", "/api/cases/JH-2099-999999").getBody().replace("JH-2099-999999", "KEY"));
        assertThat(get(OTHER, "/api/cases/" + ownGrid).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(OTHER, "/api/cases/" + wholeCommunity).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the secretary answers for every grid of her community; another community's sees none
        for (String key : List.of(ownGrid, otherGrid, wholeCommunity, ticketOwnGrid, ticketOtherGrid)) {
            assertThat(get("secretary", "/api/cases/" + key).getStatusCode()).as(key).isEqualTo(HttpStatus.OK);
            assertThat(get("secretary2", "/api/cases/" + key).getStatusCode()).as(key).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void myCasesOfAGridWorkerAreHisGridsAndHisCommunitysCommonOnes() throws IOException {
        assertThat(keys("gridworker")).contains(ownGrid, wholeCommunity, ticketOwnGrid)
                .doesNotContain(otherGrid, ticketOtherGrid);
        assertThat(keys(OTHER)).contains(otherGrid, wholeCommunity, ticketOtherGrid)
                .doesNotContain(ownGrid, ticketOwnGrid);
        assertThat(keys("secretary")).contains(ownGrid, otherGrid, wholeCommunity, ticketOwnGrid, ticketOtherGrid);
        // the case page names the grid among its facts
        assertThat(get("gridworker", "/cases/" + ownGrid).getBody()).contains("<dt>网格</dt>");
        String page = get("gridworker", "/cases").getBody();
        assertThat(page).contains("href=\"/cases/" + ownGrid + "\"").doesNotContain(otherGrid);
    }

    @Test
    void aGridWorkerFilesOnlyForHisOwnGrid() throws IOException {
        ResponseEntity<String> refused = start("gridworker", IssueDriver.filing("gridCode", "G-DL-01-02"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(json.readTree(refused.getBody()).get("message").asText()).contains("网格员只能为本网格提报事项");
    }

    private ResponseEntity<String> start(String user, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return rest.withBasicAuth(user, "demo").postForEntity(START, Map.of("variables", typed), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private List<String> keys(String user) throws IOException {
        ResponseEntity<String> answer = get(user, "/api/cases?scope=mine&size=200");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(json.readTree(answer.getBody()).spliterator(), false)
                .map(c -> c.get("businessKey").asText()).toList();
    }
}
