package cn.lianban.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The phone page's filings ({@code /api/field/…}): a grid worker's ticket carries his grid, the list item and the
 * phone's position and shows in his 我的上报; a ticket raised for a resident with the resident's mobile sends its status
 * by SMS; a secretary files a joint case, and so does a grid worker, for his grid, whose worker handles it at level 1;
 * missing or wrong fields are refused in Chinese and file nothing; other roles are refused; the same request id
 * twice, even at once, files once.
 */
@LianbanTest
class FieldApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IssueDriver driver;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aGridWorkersTicketCarriesHisGridTheItemAndThePosition() throws Exception {
        String item = jdbc.queryForObject("SELECT MIN(code) FROM responsibility_item WHERE active AND lead_dept = 'urban'",
                String.class);
        // made unique by a number, not a UUID: the browser tests share this app and read its tickets for English
        Map<String, Object> body = ticket("路灯不亮，夜里行人看不清（" + System.nanoTime() + "）");
        body.put("itemCode", item);
        body.put("location", "金沙东路 18 号门口");
        body.put("lat", 37.6501);
        body.put("lon", 120.3302);
        ResponseEntity<String> answer = post("gridworker", "/api/field/tickets", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = json.readTree(answer.getBody()).path("businessKey").asText();
        assertThat(key).matches("TK-\\d{4}-\\d{6}");
        assertThat(answer.getHeaders().getLocation()).hasToString("/cases/" + key);

        Map<String, Object> row = jdbc.queryForMap("SELECT raised_by, grid_code, community_code, item_code, location "
                + "FROM ticket_case WHERE business_key = ?", key);
        String grid = jdbc.queryForObject("SELECT unit_code FROM person WHERE login = 'gridworker'", String.class);
        assertThat(row).containsEntry("RAISED_BY", "gridworker").containsEntry("GRID_CODE", grid)
                .containsEntry("ITEM_CODE", item).containsEntry("LOCATION", "金沙东路 18 号门口");
        assertThat(variables(key)).containsEntry("lat", 37.6501).containsEntry("lon", 120.3302);

        JsonNode mine = json.readTree(rest.withBasicAuth("gridworker", "demo")
                .getForEntity("/api/cases?scope=raised", String.class).getBody());
        assertThat(mine.get(0).path("businessKey").asText()).isEqualTo(key);
        assertThat(mine.get(0).path("statusLabel").asText()).isNotBlank();
        assertThat(mine.get(0).path("timeLight").asText()).isEqualTo("GREEN");
    }

    @Test
    void aTicketRaisedForAResidentSendsItsStatusToTheResidentsMobile() throws Exception {
        Map<String, Object> body = ticket("楼下垃圾桶满溢，居民电话反映（" + System.nanoTime() + "）");
        body.put("reporterPhone", "138 0000 1234");
        ResponseEntity<String> answer = post("gridworker", "/api/field/tickets", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = key(answer.getBody());
        assertThat(variables(key)).containsEntry("reporterPhone", "13800001234");
        List<Map<String, Object>> sms = jdbc.queryForList("SELECT phone, kind, body FROM sms_outbox "
                + "WHERE business_key = ? ORDER BY id", key);
        assertThat(sms).isNotEmpty().allSatisfy(m -> assertThat(m).containsEntry("PHONE", "13800001234")
                .containsEntry("KIND", "TICKET_STATUS"));
        assertThat((String) sms.get(0).get("BODY")).contains("您反映的问题 " + key, "/status/" + key);

        String description = "居民手机号填错（" + System.nanoTime() + "）";
        Map<String, Object> wrong = ticket(description);
        wrong.put("reporterPhone", "1380000");
        refused(post("gridworker", "/api/field/tickets", wrong), "bad_reporter_phone",
                "反映人手机号须为 11 位手机号码，如 13800001234；没有手机号请留空");
        assertThat(filed(description)).isZero();
    }

    @Test
    void aGridWorkersJointCaseIsHisGridsAndHisGridHandlesItAtLevelOne() throws Exception {
        String grid = jdbc.queryForObject("SELECT unit_code FROM person WHERE login = 'gridworker'", String.class);
        Map<String, Object> body = new HashMap<>(Map.of("requestId", UUID.randomUUID().toString(),
                "title", "楼道照明损坏", "description", "3 号楼楼道灯全部不亮，老人夜里上下楼不便", "category", "FACILITY",
                "households", 12));
        ResponseEntity<String> answer = post("gridworker", "/api/field/cases", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = key(answer.getBody());
        assertThat(variables(key)).containsEntry("gridCode", grid).containsEntry("communityCode", "C-DL-01");
        assertThat(jdbc.queryForObject("SELECT grid_code FROM issue_summary WHERE business_key = ?", String.class,
                key)).isEqualTo(grid);

        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        driver.complete(pi, "rate", "color", "GREEN");
        assertThat(tasks.getIdentityLinksForTask(driver.task(pi, "handle").getId())).extracting(IdentityLink::getGroupId)
                .contains("grid:" + grid).doesNotContain("grid:G-DL-01-02");
    }

    @Test
    void aSecretaryFilesAJointCase() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("requestId", UUID.randomUUID().toString(),
                "title", "小区雨污管道堵塞", "description", "雨后污水漫到路面，三栋楼受影响", "category", "HOUSING",
                "households", 60, "multiDepartment", true, "reporterPhone", "139-0000-5678"));
        ResponseEntity<String> answer = post("secretary", "/api/field/cases", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = json.readTree(answer.getBody()).path("businessKey").asText();
        assertThat(key).matches("JH-\\d{4}-\\d{6}");
        assertThat(jdbc.queryForObject("SELECT community_code FROM issue_summary WHERE business_key = ?", String.class,
                key)).isEqualTo("C-DL-01");
        assertThat(variables(key)).containsEntry("households", 60L).containsEntry("estimatedCost", 0L)
                .containsEntry("multiDepartment", true).containsEntry("safetyRisk", false)
                .doesNotContainKeys("lat", "lon");
        // the resident who reported it hears of each step by SMS
        assertThat(variables(key)).containsEntry("reporterPhone", "13900005678");
        assertThat(jdbc.queryForList("SELECT phone, kind FROM sms_outbox WHERE business_key = ?", key)).isNotEmpty()
                .allSatisfy(m -> assertThat(m).containsEntry("PHONE", "13900005678").containsEntry("KIND", "CASE_STATUS"));

        body.remove("reporterPhone");

        body.remove("households");
        body.put("requestId", UUID.randomUUID().toString());
        refused(post("secretary", "/api/field/cases", body), "missing_households", "请填写受影响户数");
        body.put("households", 1);
        body.put("category", "WEATHER");
        ResponseEntity<String> wrongCategory = post("secretary", "/api/field/cases", body);
        assertThat(wrongCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(wrongCategory.getBody()).path("error").asText()).isEqualTo("bad_category");
        assertThat(json.readTree(wrongCategory.getBody()).path("message").asText()).startsWith("问题类别无效");
    }

    @Test
    void missingOrWrongFieldsAreRefusedInChineseAndFileNothing() throws Exception {
        String description = "井盖松动（" + System.nanoTime() + "）";
        Map<String, Object> body = ticket(description);
        body.remove("description");
        refused(post("gridworker", "/api/field/tickets", body), "missing_description", "请填写问题描述");
        body.put("description", description);
        body.put("lat", 37.65);
        refused(post("gridworker", "/api/field/tickets", body), "missing_lon", "位置须同时有纬度和经度，请重新定位");
        body.put("lon", 200.0);
        refused(post("gridworker", "/api/field/tickets", body), "bad_lon", "经度须在 -180 到 180 之间");
        body.remove("lat");
        body.remove("lon");
        body.put("itemCode", "R-999");
        ResponseEntity<String> unknownItem = post("gridworker", "/api/field/tickets", body);
        refused(unknownItem, "bad_item_code", "权责清单中没有有效事项 R-999，不确定时请留空，由街道派单");
        body.put("requestId", "x");
        refused(post("gridworker", "/api/field/tickets", body), "bad_request_id", "请求编号无效，请刷新页面后重新提交");
        assertThat(filed(description)).isZero();

        // a refused filing is forgotten: corrected, the same request id files it
        body.put("requestId", UUID.randomUUID().toString());
        body.remove("itemCode");
        body.put("lat", 37.65);
        refused(post("gridworker", "/api/field/tickets", body), "missing_lon", "位置须同时有纬度和经度，请重新定位");
        body.remove("lat");
        assertThat(post("gridworker", "/api/field/tickets", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(filed(description)).isOne();
    }

    @Test
    void otherRolesAreRefusedInChinese() throws Exception {
        ResponseEntity<String> department = post("urban", "/api/field/tickets", ticket("部门不能在此上报"));
        assertThat(department.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(department.getBody()).path("message").asText()).startsWith("手机上报供网格员和社区书记使用");
        assertThat(post("street", "/api/field/cases", Map.of("requestId", UUID.randomUUID().toString()))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> page = rest.withBasicAuth("urban", "demo").getForEntity("/m", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("手机上报供网格员和社区书记使用");

        String secretaryPage = rest.withBasicAuth("secretary", "demo").getForEntity("/m", String.class).getBody();
        assertThat(secretaryPage).contains("吹哨点单", "联席立案", "我的上报", "capture=\"environment\"", "multiple");
        // grid workers file joint cases for their grid (issue 14), so their page has the tab too
        assertThat(rest.withBasicAuth("gridworker", "demo").getForEntity("/m", String.class).getBody())
                .contains("吹哨点单", "联席立案", "我的上报", "反映人手机（选填，用于短信告知进展）");
    }

    @Test
    void theSameRequestTwiceFilesOnceEvenAtOnce() throws Exception {
        String description = "楼道堆放杂物（" + System.nanoTime() + "）";
        Map<String, Object> body = ticket(description);
        List<CompletableFuture<ResponseEntity<String>>> taps = List.of(
                CompletableFuture.supplyAsync(() -> post("gridworker", "/api/field/tickets", body)),
                CompletableFuture.supplyAsync(() -> post("gridworker", "/api/field/tickets", body)));
        List<ResponseEntity<String>> answers = taps.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK);
        // the answer lost on a slow connection: sent again later, the same filing comes back
        ResponseEntity<String> again = post("gridworker", "/api/field/tickets", body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answers).extracting(a -> key(a.getBody())).containsOnly(key(again.getBody()));
        assertThat(filed(description)).isOne();
    }

    private static Map<String, Object> ticket(String description) {
        return new HashMap<>(Map.of("requestId", UUID.randomUUID().toString(), "description", description));
    }

    private ResponseEntity<String> post(String login, String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(login, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private void refused(ResponseEntity<String> answer, String code, String message) throws Exception {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = json.readTree(answer.getBody());
        assertThat(error.path("error").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isEqualTo(message);
    }

    private String key(String body) {
        try {
            return json.readTree(body).path("businessKey").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int filed(String description) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ticket_case WHERE description = ?", Integer.class, description);
    }

    private Map<String, Object> variables(String businessKey) {
        String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
                .getId();
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(id).list()) {
            values.put(v.getName(), v.getValue());
        }
        return values;
    }
}
