package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/** Filing through Camunda's REST API, as Tasklist's start form does. */
@LianbanTest
class IssueRestTest {

    private static final String START = "/engine-rest/process-definition/key/joint-handling/start";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void aSecretaryFilesForTheirCommunityAndGetsAJhKey() {
        ResponseEntity<Map> started = start("secretary", IssueDriver.filing());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) started.getBody().get("businessKey")).matches("JH-\\d{4}-\\d{6}");
    }

    // Camunda's REST answers a failed start with its own status (500, "Cannot instantiate process definition …");
    // what matters to the user is that the Chinese message names the field and nothing was filed.
    @Test
    void badInputIsRefusedWithAMessageNamingTheField() {
        long before = runtime.createProcessInstanceQuery().count();
        ResponseEntity<Map> refused = start("secretary", IssueDriver.filing("title", ""));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat((String) refused.getBody().get("message")).contains("请填写标题");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void aSecretaryCannotFileForAnotherCommunity() {
        ResponseEntity<Map> refused = start("secretary2", IssueDriver.filing("communityCode", "C-DL-01"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat((String) refused.getBody().get("message")).contains("只能为本社区提报");
    }

    @Test
    void aSecretaryWhoLeavesTheCommunityEmptyFilesForHerOwnAndAStreetForOneOfItsCommunities() {
        Map<String, Object> filing = IssueDriver.filing();
        filing.remove("communityCode");
        ResponseEntity<Map> started = start("secretary", filing);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtime.getVariable((String) started.getBody().get("id"), "communityCode")).isEqualTo("C-DL-01");

        ResponseEntity<Map> byStreet = start("street", IssueDriver.filing("communityCode", "C-DL-02"));
        assertThat(byStreet.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) start("street", IssueDriver.filing("communityCode", "C-XJ-01")).getBody().get("message"))
                .contains("只能为所辖社区提报事项");
    }

    @Test
    void aDepartmentMayNotFileAtAll() {
        assertThat(start("housing", IssueDriver.filing()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map> start(String user, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return rest.withBasicAuth(user, "demo").postForEntity(START, Map.of("variables", typed), Map.class);
    }
}
