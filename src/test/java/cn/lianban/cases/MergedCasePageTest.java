package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 区域共性问题 on the case page: the main case lists all communities and links to the merged cases, a merged case
 * links to the main case, and the communities of both see both.
 */
@LianbanTest
class MergedCasePageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver driver;
    @Autowired
    CaseFiles cases;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theMainAndTheMergedCaseLinkToEachOtherAndBothCommunitiesSeeThem() {
        String sameArea = driver.sameAreaAsCommunityA();
        driver.clockAt(LocalDateTime.of(2027, 12, 6, 10, 0));
        ProcessInstance other = driver.file("category", "OTHER", "communityCode", sameArea);
        ProcessInstance main = driver.file("category", "OTHER");
        driver.complete(main, "rate", "color", driver.variable(main, "proposedColor"), "mergeCases",
                List.of(other.getBusinessKey()));
        String otherName = jdbc.queryForObject("SELECT name FROM community WHERE code = ?", String.class, sameArea);

        ResponseEntity<String> mainPage = page("secretary", main.getBusinessKey());
        assertThat(mainPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mainPage.getBody()).contains("涉及社区", otherName, "并入本案",
                "href=\"/cases/" + other.getBusinessKey() + "\"", "并案");

        ResponseEntity<String> mergedPage = page("secretary", other.getBusinessKey());
        assertThat(mergedPage.getStatusCode()).as("the main case's community sees the merged case")
                .isEqualTo(HttpStatus.OK);
        assertThat(mergedPage.getBody()).contains("已并案", "已并入", "href=\"/cases/" + main.getBusinessKey() + "\"");

        // the same links in the JSON of /api/cases/{key}, both ways
        JsonNode mainJson = json("secretary", main.getBusinessKey()).get("merges");
        assertThat(mainJson).hasSize(1);
        assertThat(mainJson.get(0).get("label").asText()).isEqualTo("并入本案");
        assertThat(mainJson.get(0).get("businessKey").asText()).isEqualTo(other.getBusinessKey());
        assertThat(mainJson.get(0).get("communityName").asText()).isEqualTo(otherName);
        JsonNode mergedJson = json("secretary", other.getBusinessKey()).get("merges");
        assertThat(mergedJson).hasSize(1);
        assertThat(mergedJson.get(0).get("label").asText()).isEqualTo("已并入");
        assertThat(mergedJson.get(0).get("businessKey").asText()).isEqualTo(main.getBusinessKey());

        TestingAuthenticationToken otherSecretary = new TestingAuthenticationToken("someone", "x",
                "community-secretary", "community:" + sameArea);
        assertThat(cases.visible(main.getBusinessKey(), otherSecretary)).as("the merged community sees the main case")
                .isPresent();
        assertThat(page("secretary2", main.getBusinessKey()).getStatusCode()).as("another area's community does not")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode json(String user, String key) {
        ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity("/api/cases/" + key,
                JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<String> page(String user, String key) {
        return rest.withBasicAuth(user, "demo").getForEntity("/cases/" + key, String.class);
    }
}
