package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 点单 through Camunda REST: the start takes the start form's fields only (its built form has {@code chosenDept}),
 * and refuses, in Chinese, a department that does not offer the category this month.
 */
@LianbanTest
class CommunityOrderRestTest {

    private static final YearMonth JULY = YearMonth.of(2034, 7);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ResourceList list;
    @Autowired
    IssueDriver driver;
    @Autowired
    ResourceSubmissions cycle;
    @Autowired
    AsUser users;
    @Autowired
    RepositoryService repository;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void aDepartmentThatDoesNotOfferTheCategoryIsRefusedAndOnlyTheFormsFieldsPass() {
        driver.clockAt(LocalDateTime.of(2034, 7, 3, 10, 0));
        list.publish(new ResourceList.Draft(JULY.toString(), "FACILITY", "口袋公园改造", "", "urban", "", "50000",
                JULY.atDay(1).toString(), JULY.atEndOfMonth().toString()));
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("community-order").count();
        ResponseEntity<String> refused = start("category", "FACILITY", "need", "小区增设充电桩", "chosenDept", "housing");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("本月没有该部门提供的“设施建设”资源，请从以下部门中选择：城市管理局")
                .contains("UserInputException");

        ResponseEntity<String> foreign = start("category", "FACILITY", "need", "小区增设充电桩", "deptCode", "housing");
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(400);
        assertThat(foreign.getBody()).contains("field_not_allowed").contains("deptCode");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("community-order").count())
                .isEqualTo(before);

        ResponseEntity<String> started = start("category", "FACILITY", "need", "小区增设充电桩", "chosenDept", "urban");
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String id = runtime.createProcessInstanceQuery().processDefinitionKey("community-order")
                .orderByProcessInstanceId().desc().list().stream()
                .filter(pi -> "urban".equals(runtime.getVariable(pi.getId(), "deptCode"))
                        && "小区增设充电桩".equals(runtime.getVariable(pi.getId(), "need")))
                .findFirst().orElseThrow().getId();
        assertThat(runtime.getVariable(id, "chosenDept")).isEqualTo("urban");
    }

    @Test
    void publishingTheMonthOffersItsDepartmentsOnTheStartForm() throws Exception {
        driver.clockAt(LocalDateTime.of(2035, 2, 25, 10, 0));
        String code = cycle.submit("culture", "culture", new ResourceList.Draft("2035-03", "POLICY", "文化惠民政策解读",
                "", "", "6", "", "2035-03-01", "2035-03-31"));
        cycle.approve("center", code);
        driver.clockAt(LocalDateTime.of(2035, 3, 2, 10, 0));
        users.run("center", () -> cycle.publish("center", YearMonth.of(2035, 3)));

        String expression = latestStartForm().path("components").get(2).path("valuesExpression").asText();
        assertThat(expression).contains("if category = \"POLICY\" then [{label: \"文化和旅游局\", value: \"culture\"}]");
    }

    private JsonNode latestStartForm() throws Exception {
        Deployment latest = repository.createDeploymentQuery().deploymentName(CommunityOrderStartForm.DEPLOYMENT)
                .orderByDeploymentTime().desc().list().get(0);
        try (InputStream in = repository.getResourceAsStream(latest.getId(), "community-order-start.form")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private ResponseEntity<String> start(Object... namesAndValues) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("secretary", "demo").exchange("/engine-rest/process-definition/key/community-order/start",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", typed), headers), String.class);
    }
}
