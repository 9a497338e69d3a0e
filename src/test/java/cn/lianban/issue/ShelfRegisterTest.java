package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;

/**
 * 挂账 through the doors people use: the approval and the review through Camunda REST (each task takes its own
 * form's fields only), the register page and its Excel export for the area committee, the street and the center.
 */
class ShelfRegisterTest extends ProcessTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theApproverPutsTheCaseOnTheRegisterThroughRestAndTheReviewTakesOnlyItsOwnFields() {
        ProcessInstance pi = unresolvedCase();
        ResponseEntity<String> shelved = complete("committee", driver.task(pi, "approveEscalation").getId(),
                "approved", false, "comment", "挂账", "shelve", true, "shelfCategory", "POLICY",
                "shelfReason", "待老旧小区改造政策出台", "shelfReviewDate", "2026-03-16");
        assertThat(shelved.getStatusCode().value()).as(shelved.getBody()).isEqualTo(204);
        assertThat(pi).isWaitingAt("shelfReviewDue");

        driver.fireTimer(pi, "shelfReviewDue");
        String review = driver.task(pi, "reviewShelf").getId();
        ResponseEntity<String> refused = complete("committee", review, "shelfDecision", "RESUME", "shelfNote", "恢复",
                "dueDate", "2027-01-01T00:00:00.000+0800");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("dueDate");
        assertThat(pi).isWaitingAt("reviewShelf");

        ResponseEntity<String> done = complete("committee", review, "shelfDecision", "RESUME", "shelfNote", "政策已出台");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(pi).isWaitingAt("handle");
    }

    @Test
    void theAreaCommitteePutsACaseBeingHandledOnTheRegisterFromTheCasePageAtTheCitysLevelToo() {
        ProcessInstance pi = driver.file("category", "SAFETY", "safetyRisk", true, "households", 120L);
        driver.complete(pi, "rate", "color", "RED");
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", java.util.List.of(), "deadline", "2026-03-06",
                "minutes", "市级联席会议");
        assertThat(pi).isWaitingAt("handle").variables().containsEntry("level", 5);
        String page = rest.withBasicAuth("committee", "demo").getForObject("/cases/" + pi.getBusinessKey(), String.class);
        assertThat(page).contains("id=\"shelveForm\"", "挂账原因", "资金原因", "复核日期");
        assertThat(rest.withBasicAuth("center", "demo").getForObject("/cases/" + pi.getBusinessKey(), String.class))
                .doesNotContain("id=\"shelveForm\"");

        ResponseEntity<Map> bad = shelve("committee", pi, Map.of("reason", "缺资金"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("error", "bad_category");
        for (String other : new String[]{"street", "center", "secretary", "housing"}) {
            ResponseEntity<Map> refused = shelve(other, pi, Map.of("category", "FUNDS", "reason", "缺资金"));
            assertThat(refused.getStatusCode().value()).as(other).isEqualTo(403);
        }
        assertThat(pi).isWaitingAt("handle");

        ResponseEntity<Map> done = shelve("committee", pi, Map.of("category", "POLICY", "reason", "待危房改造政策",
                "reviewDate", "2026-03-31"));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
        assertThat(done.getBody()).containsEntry("statusLabel", "已挂账").containsEntry("reviewAt", "2026-03-31 09:00");
        assertThat(pi).isWaitingAt("shelfReviewDue").hasPassed("shelveRequested").variables()
                .containsEntry("statusLabel", "已挂账").containsEntry("shelfLabel", "政策原因：待危房改造政策")
                .doesNotContainKeys("timeLight", "dueDate");
        assertThat(driver.events(pi.getBusinessKey())).endsWith("SHELVED");
        assertThat(jdbc.queryForObject("SELECT actor FROM case_event WHERE business_key = ? AND action = ?",
                String.class, pi.getBusinessKey(), "SHELVED")).as("the trail names who shelved it").isEqualTo("committee");
        ResponseEntity<Map> again = shelve("committee", pi, Map.of("category", "FUNDS", "reason", "缺资金"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(rest.withBasicAuth("committee", "demo").getForObject("/cases/" + pi.getBusinessKey(), String.class))
                .doesNotContain("id=\"shelveForm\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"committee", "street", "center"})
    void theRegisterIsAPageAndAnExcelFileForTheApproverTheStreetAndTheCenter(String user) throws Exception {
        ProcessInstance pi = unresolvedCase();
        driver.complete(pi, "approveEscalation", "approved", false, "comment", "挂账", "shelve", true,
                "shelfCategory", "FUNDS", "shelfReason", "=改造资金待列入预算", "shelfReviewDate", "2026-03-20");

        ResponseEntity<String> page = rest.withBasicAuth(user, "demo").getForEntity("/issues/shelf", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("挂账台账", pi.getBusinessKey(), "资金原因", "=改造资金待列入预算",
                "2026-03-02 10:00", "2026-03-20 09:00", "挂账中", "导出电子表格").doesNotContain("FUNDS");

        ResponseEntity<byte[]> file = rest.withBasicAuth(user, "demo").getForEntity("/issues/shelf.xlsx", byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Sheet sheet = book.getSheet("挂账台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            Row row = null;
            for (Row r : sheet) {
                if (r.getCell(0).getStringCellValue().equals(pi.getBusinessKey())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("资金原因");
            assertThat(row.getCell(5).getStringCellValue()).as("text, never a formula").isEqualTo("=改造资金待列入预算");
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("2026-03-20 09:00");
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("挂账中");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"secretary", "housing", "gridworker"})
    void othersAreRefusedTheRegister(String user) {
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/issues/shelf", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/issues/shelf.xlsx", String.class).getStatusCode()
                .value()).isEqualTo(403);
    }

    private ProcessInstance unresolvedCase() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.complete(pi, "handle", "result", "需要财政资金", "resolved", false);
        return pi;
    }

    private ResponseEntity<Map> shelve(String user, ProcessInstance pi, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/issues/" + pi.getBusinessKey() + "/shelve", body,
                Map.class);
    }

    private ResponseEntity<String> complete(String user, String taskId, Object... fields) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            variables.put((String) fields[i], Map.of("value", fields[i + 1]));
        }
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), String.class);
    }
}
