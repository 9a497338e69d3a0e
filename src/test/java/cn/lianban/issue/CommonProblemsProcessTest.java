package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.support.ProcessTestBase;

/**
 * 区域共性问题: similar cases shown at rating, merging them into one case, and the evaluation by each community.
 * Its cases are filed in September 2027 in category ELDERLY, apart from the other tests' cases of the shared
 * database, so the similar cases are only this test's.
 */
class CommonProblemsProcessTest extends ProcessTestBase {

    private static final LocalDateTime FILED = LocalDateTime.of(2027, 9, 6, 10, 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IssueCaseReader reader;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Directory directory;

    /** A community of C-DL-01's area, and one of another area more than 1 km away from C-DL-01. */
    String sameArea;
    String farAway;

    @BeforeEach
    void communitiesAndClock() {
        sameArea = driver.sameAreaAsCommunityA();
        Map<String, Object> a = jdbc.queryForMap("SELECT lat, lon, area_code FROM community WHERE code = 'C-DL-01'");
        farAway = jdbc.queryForList("SELECT code, lat, lon FROM community WHERE area_code <> ? ORDER BY code",
                        a.get("area_code")).stream()
                .filter(c -> cn.lianban.common.Distance.meters((double) a.get("lat"), (double) a.get("lon"),
                        (double) c.get("lat"), (double) c.get("lon")) > SimilarCases.RADIUS_METERS)
                .map(c -> (String) c.get("code")).findFirst().orElseThrow();
        // older cases of this test class, from another test method: closed or merged, so never similar
        jdbc.update("UPDATE issue_summary SET status = 'CLOSED' WHERE category = 'ELDERLY' AND filed_at >= ?",
                java.sql.Timestamp.valueOf(FILED.minusDays(100)));
        driver.clockAt(FILED);
    }

    private ProcessInstance file(String community, Object... changes) {
        Object[] all = new Object[changes.length + 4];
        all[0] = "category";
        all[1] = "ELDERLY";
        all[2] = "communityCode";
        all[3] = community;
        System.arraycopy(changes, 0, all, 4, changes.length);
        return driver.file(all);
    }

    @Test
    void theRatingFormShowsSimilarOpenCasesOfOtherCommunitiesOfTheAreaFromTheLast60Days() {
        driver.clockAt(FILED.minusDays(61));
        ProcessInstance tooOld = file(sameArea, "title", "老旧");
        driver.clockAt(FILED.minusDays(3));
        ProcessInstance similar = file(sameArea, "title", "老年食堂不够用");
        ProcessInstance otherCategory = driver.file("category", "TRAFFIC", "communityCode", sameArea);
        ProcessInstance far = file(farAway);
        ProcessInstance ownCommunity = file("C-DL-01");
        driver.clockAt(FILED);

        ProcessInstance pi = file("C-DL-01");

        assertThat(pi).isWaitingAt("rate");
        String shown = (String) driver.variable(pi, "similarCases");
        assertThat(shown).contains(similar.getBusinessKey(), "老年食堂不够用", "2027-09-03 10:00",
                        (String) driver.variable(similar, "communityName"))
                .doesNotContain(tooOld.getBusinessKey(), otherCategory.getBusinessKey(), far.getBusinessKey(),
                        ownCommunity.getBusinessKey(), pi.getBusinessKey());
        assertThat(driver.variable(pi, "similarCaseOptions")).asList().singleElement().isEqualTo(Map.of(
                "label", similar.getBusinessKey() + " 老年食堂不够用（" + driver.variable(similar, "communityName") + "）",
                "value", similar.getBusinessKey()));
    }

    @Test
    void manySimilarCasesShowTheNewestAndSayHowManyMoreThereAre() {
        List<String> filed = new java.util.ArrayList<>();
        for (int i = 0; i < CommonProblems.SHOWN + 2; i++) {
            driver.clockAt(FILED.minusDays(30 - i));
            filed.add(file(sameArea, "title", "老年食堂不够用，附近老人就餐排队很长，需要增加餐位和送餐服务" + i)
                    .getBusinessKey());
        }
        driver.clockAt(FILED);

        ProcessInstance pi = file("C-DL-01");

        // the rating form still opens: the list fits the engine's text variable
        assertThat(pi).isWaitingAt("rate");
        String shown = (String) driver.variable(pi, "similarCases");
        assertThat(shown).contains(filed.get(filed.size() - 1), filed.get(2), "另有 2 件提报较早的同类事项未列出")
                .doesNotContain(filed.get(0) + "]", filed.get(1) + "]");
        assertThat(driver.variable(pi, "similarCaseOptions")).asList().hasSize(CommonProblems.SHOWN);
    }

    @Test
    void communitiesWithin1KmAreNearWhateverTheirArea() {
        Community own = new Community("C-1", "甲", "A-1", 37.6500, 120.3000, null);
        Community near = new Community("C-2", "乙", "A-2", 37.6580, 120.3000, null); // 890 m north
        Community far = new Community("C-3", "丙", "A-1", 37.6600, 120.3000, null); // 1.1 km north
        assertThat(SimilarCases.nearby(own, List.of(own, near, far), SimilarCases.RADIUS_METERS))
                .containsExactly("C-2");
    }

    @Test
    void theCommitteeMergesSimilarCasesAtRating() {
        ProcessInstance other = file(sameArea, "title", "老年食堂不够用");
        driver.complete(other, "rate", "color", "GREEN");
        assertThat(other).isWaitingAt("handle");
        ProcessInstance pi = file("C-DL-01");

        driver.complete(pi, "rate", "color", "GREEN", "mergeCases", List.of(other.getBusinessKey()));

        assertThat(other).isEnded().hasPassed("markMerged", "merged").hasNotPassed("closeIssue");
        assertThat(tasks.createTaskQuery().processInstanceId(other.getId()).count()).as("its tasks are gone").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(other.getId())
                .variableName("mergedInto").singleResult().getValue()).isEqualTo(pi.getBusinessKey());
        assertThat(reader.find(other.getBusinessKey()).orElseThrow())
                .extracting(IssueCase::status, IssueCase::statusLabel, IssueCase::clockRunning)
                .containsExactly("MERGED", "已并案", false);
        assertThat(driver.events(other.getBusinessKey())).contains("MERGED_INTO");

        String sameAreaName = (String) history.createHistoricVariableInstanceQuery().processInstanceId(other.getId())
                .variableName("communityName").singleResult().getValue();
        assertThat(pi).hasPassed("mergeIssues").isWaitingAt("handle").variables()
                .containsEntry("mergedCases", List.of(other.getBusinessKey()))
                .containsEntry("communityCodes", List.of("C-DL-01", sameArea))
                .containsEntry("communitiesLabel", driver.variable(pi, "communityName") + "、" + sameAreaName);
        assertThat(driver.events(pi.getBusinessKey())).contains("MERGED");
        assertThat(reader.merges(pi.getBusinessKey())).singleElement()
                .extracting(IssueMerge::mergedKey, IssueMerge::mainKey, IssueMerge::communityCode)
                .containsExactly(other.getBusinessKey(), pi.getBusinessKey(), sameArea);
        assertThat(reader.merges(other.getBusinessKey())).as("linked both ways")
                .singleElement().extracting(IssueMerge::mainKey).isEqualTo(pi.getBusinessKey());
        assertThat(driver.variable(pi, "handlingRounds").toString()).as("the handling form names the merged case")
                .contains("**并案** " + other.getBusinessKey());

        ProcessInstance later = file(sameArea);
        assertThatThrownBy(() -> driver.complete(later, "rate", "color", "GREEN", "mergeCases",
                List.of(other.getBusinessKey())))
                .hasMessageContaining("案件 " + other.getBusinessKey() + " 已并入其他案件，不能并案");
        assertThatThrownBy(() -> driver.complete(later, "rate", "color", "GREEN", "mergeCases",
                List.of(pi.getBusinessKey())))
                .hasMessageContaining("案件 " + pi.getBusinessKey() + " 已有其他案件并入，不能再并入本案");
    }

    @Test
    void eachCommunityEvaluatesAndTheCaseClosesWhenAllAreSatisfied() {
        ProcessInstance pi = mergedCaseAtEvaluation();

        List<Task> evaluations = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("evaluate")
                .list();
        assertThat(evaluations).hasSize(2);
        Task own = evaluation(pi, "community:C-DL-01");
        Task theirs = evaluation(pi, "community:" + sameArea);
        assertThat(tasks.getVariable(theirs.getId(), "evaluatorName")).isNotEqualTo(
                tasks.getVariable(own.getId(), "evaluatorName"));

        tasks.complete(own.getId(), Map.of("satisfied", true, "satisfaction", 5L));
        assertThat(pi).isWaitingAt("evaluate");
        assertThat(tasks.getVariables(theirs.getId())).as("the next community's form opens blank")
                .containsEntry("satisfied", null).containsEntry("satisfaction", null);

        tasks.complete(theirs.getId(), Map.of("satisfied", true, "satisfaction", 4L));
        assertThat(pi).isEnded().hasPassed("closeIssue");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("status").singleResult().getValue()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList("SELECT detail FROM case_event WHERE business_key = ? AND action = 'EVALUATED' "
                + "ORDER BY id", String.class, pi.getBusinessKey())).hasSize(2)
                .allMatch(d -> d.contains("：满意"));
        assertThat(jdbc.queryForObject("SELECT detail FROM case_event WHERE business_key = ? AND action = 'CLOSED'",
                String.class, pi.getBusinessKey())).as("the lowest score closes").isEqualTo("满意度 4");
        // 销号 is mailed to every community of the case, not only the main case's
        String closedMail = driver.mails(pi).stream().filter(m -> m.startsWith("CLOSED ")).findFirst().orElseThrow();
        assertThat(directory.emailsOf(List.of("community:C-DL-01"))).isNotEmpty().allMatch(closedMail::contains);
        assertThat(directory.emailsOf(List.of("community:" + sameArea))).isNotEmpty().allMatch(closedMail::contains);
    }

    @Test
    void oneUnsatisfiedCommunitySendsTheCaseBackAndEndsTheOthersEvaluation() {
        ProcessInstance pi = mergedCaseAtEvaluation();

        tasks.complete(evaluation(pi, "community:" + sameArea).getId(),
                Map.of("satisfied", false, "satisfaction", 2L, "evaluationComment", "仍不够用"));

        assertThat(pi).isWaitingAt("handle").hasPassed("reopenIssue").variables().containsEntry("reopens", 1L);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("evaluate").count())
                .as("the other community's evaluation ends with the round").isZero();

        driver.complete(pi, "handle", "result", "再增加座位", "resolved", true);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("evaluate").count())
                .as("every community evaluates the next round").isEqualTo(2);
    }

    @Test
    void mergingAnotherAreasCaseOrAClosedCaseIsRefused() {
        ProcessInstance far = file(farAway);
        ProcessInstance closed = file(sameArea);
        driver.complete(closed, "rate", "color", "GREEN");
        driver.complete(closed, "handle", "result", "已办", "resolved", true);
        driver.complete(closed, "evaluate", "satisfied", true, "satisfaction", 5L);
        assertThat(closed).isEnded();
        ProcessInstance pi = file("C-DL-01");

        assertThatThrownBy(() -> driver.complete(pi, "rate", "color", "GREEN", "mergeCases",
                List.of(far.getBusinessKey())))
                .hasMessageContaining("案件 " + far.getBusinessKey() + " 不存在或不在本片区，不能并案");
        assertThatThrownBy(() -> driver.complete(pi, "rate", "color", "GREEN", "mergeCases",
                List.of(closed.getBusinessKey())))
                .hasMessageContaining("案件 " + closed.getBusinessKey() + " 已销号，不能并案");
        assertThat(pi).isWaitingAt("rate");
        assertThat(far).isWaitingAt("rate");
    }

    @Test
    void camundaRestRefusesMergingACaseTheCommitteeMayNotSeeOrAClosedOne() throws Exception {
        ProcessInstance far = file(farAway);
        ProcessInstance closed = file(sameArea);
        driver.complete(closed, "rate", "color", "GREEN");
        driver.complete(closed, "handle", "result", "已办", "resolved", true);
        driver.complete(closed, "evaluate", "satisfied", true, "satisfaction", 5L);
        ProcessInstance pi = file("C-DL-01");
        String rate = driver.task(pi, "rate").getId();

        for (String call : List.of("complete", "submit-form")) {
            ResponseEntity<String> another = post("committee", "/engine-rest/task/" + rate + "/" + call,
                    Map.of("color", "GREEN", "mergeCases", far.getBusinessKey()));
            assertThat(another.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(JSON.readValue(another.getBody(), Map.class)).isEqualTo(Map.of("type", "UserInputException",
                    "message", "案件 " + far.getBusinessKey() + " 不存在或不在本片区，不能并案"));
        }
        ResponseEntity<String> ended = post("committee", "/engine-rest/task/" + rate + "/complete",
                Map.of("color", "GREEN", "mergeCases", closed.getBusinessKey()));
        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readValue(ended.getBody(), Map.class)).containsEntry("message",
                "案件 " + closed.getBusinessKey() + " 已销号，不能并案");
        assertThat(pi).isWaitingAt("rate");
        assertThat(far).isWaitingAt("rate");
    }

    /** A case of C-DL-01 that merged a similar case of {@code sameArea}, handled and waiting for evaluation. */
    private ProcessInstance mergedCaseAtEvaluation() {
        ProcessInstance other = file(sameArea);
        ProcessInstance pi = file("C-DL-01");
        driver.complete(pi, "rate", "color", "GREEN", "mergeCases", List.of(other.getBusinessKey()));
        driver.complete(pi, "handle", "result", "已增加食堂座位", "resolved", true);
        assertThat(pi).isWaitingAt("evaluate");
        return pi;
    }

    private Task evaluation(ProcessInstance pi, String group) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("evaluate")
                .taskCandidateGroup(group).singleResult();
    }

    private ResponseEntity<String> post(String user, String path, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return rest.withBasicAuth(user, "demo").postForEntity(path, Map.of("variables", typed), String.class);
    }
}
