package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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

    @BeforeEach
    void july() {
        driver.clockAt(LocalDateTime.of(2034, 7, 3, 10, 0));
        list.publish(new ResourceList.Draft(JULY.toString(), "FACILITY", "口袋公园改造", "", "urban", "", "50000",
                JULY.atDay(1).toString(), JULY.atEndOfMonth().toString()));
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void aDepartmentThatDoesNotOfferTheCategoryIsRefusedAndOnlyTheFormsFieldsPass() {
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
