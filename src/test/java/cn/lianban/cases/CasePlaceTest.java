package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.Gcj02;
import cn.lianban.common.Position;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * Positions on cases and tickets (issue 14): {@code lat}/{@code lon} through the start of both processes by Camunda
 * REST, as the start forms and the phone page send them (both or neither, within China, refused in Chinese); kept on
 * the case's row; shown on the case page with a marker in Amap in GCJ-02, and in {@code /api/cases/{key}}.
 */
@LianbanTest
class CasePlaceTest {

    private static final String START = "/engine-rest/process-definition/key/%s/start";
    private static final double LAT = 37.6421;
    private static final double LON = 120.3317;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTicketWithAPositionShowsItsPlaceAndAGcj02MapLink() throws Exception {
        ResponseEntity<Map> started = start("ticket", "secretary", TicketDriver.ticket("lat", LAT, "lon", LON));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String key = (String) started.getBody().get("businessKey");
        String id = (String) started.getBody().get("id");
        assertThat(runtime.getVariable(id, "lat")).isEqualTo(LAT);
        assertThat(runtime.getVariable(id, "lon")).isEqualTo(LON);
        assertThat(jdbc.queryForMap("SELECT lat, lon FROM ticket_case WHERE business_key = ?", key))
                .containsEntry("LAT", LAT).containsEntry("LON", LON);

        String page = get("secretary", "/cases/" + key).getBody();
        Position gcj = Gcj02.fromWgs84(new Position(LAT, LON));
        assertThat(page).contains("<h2>位置</h2>", "华山路菜市场东门", "北纬 37.64210°，东经 120.33170°",
                "在高德地图中查看、导航",
                String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.5f,%.5f&amp;name=", gcj.lon(),
                        gcj.lat()), "&amp;coordinate=gaode&amp;callnative=1");
        assertThat(gcj.lon()).as("the link is not the WGS-84 point").isNotCloseTo(LON,
                org.assertj.core.data.Offset.offset(0.001));

        JsonNode api = json.readTree(get("secretary", "/api/cases/" + key).getBody());
        assertThat(api.get("lat").asDouble()).isEqualTo(LAT);
        assertThat(api.get("lon").asDouble()).isEqualTo(LON);
    }

    @Test
    void aJointCaseTakesWholeDegreesAsDoublesAndShowsItsLocationText() throws Exception {
        Map<String, Object> filing = IssueDriver.filing("lat", 38, "lon", 121, "location", "金沙东小区3号楼");
        ResponseEntity<Map> started = start("joint-handling", "secretary", filing);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String key = (String) started.getBody().get("businessKey");
        assertThat(runtime.getVariable((String) started.getBody().get("id"), "lat")).isEqualTo(38.0);
        assertThat(jdbc.queryForMap("SELECT lat, lon, location FROM issue_summary WHERE business_key = ?", key))
                .containsEntry("LAT", 38.0).containsEntry("LON", 121.0).containsEntry("LOCATION", "金沙东小区3号楼");
        assertThat(get("secretary", "/cases/" + key).getBody()).contains("金沙东小区3号楼", "北纬 38.00000°，东经 121.00000°",
                "uri.amap.com/marker");
        assertThat(json.readTree(get("secretary", "/api/cases/" + key).getBody()).get("lon").asDouble())
                .isEqualTo(121.0);
    }

    @Test
    void withoutAPositionThereIsNoLinkAndTheApiLeavesItOut() throws Exception {
        ResponseEntity<Map> started = start("joint-handling", "secretary", IssueDriver.filing());
        String key = (String) started.getBody().get("businessKey");
        assertThat(get("secretary", "/cases/" + key).getBody()).doesNotContain("<h2>位置</h2>", "uri.amap.com");
        JsonNode api = json.readTree(get("secretary", "/api/cases/" + key).getBody());
        assertThat(api.has("lat")).isFalse();
        assertThat(api.has("lon")).isFalse();
    }

    @Test
    void oneSidedOrOutsideChinaIsRefusedInChineseAndNothingStarts() {
        long before = runtime.createProcessInstanceQuery().count();
        assertRefused("ticket", TicketDriver.ticket("lat", LAT), "位置的纬度和经度须同时填写，或都不填：缺少经度");
        assertRefused("joint-handling", IssueDriver.filing("lon", LON), "位置的纬度和经度须同时填写，或都不填：缺少纬度");
        // swapped by mistake
        assertRefused("ticket", TicketDriver.ticket("lat", LON, "lon", LAT), "纬度须在中国境内（3 到 54 度之间），收到 120.3317");
        assertRefused("joint-handling", IssueDriver.filing("lat", LAT, "lon", -0.12), "经度须在中国境内（73 到 136 度之间）");
        assertRefused("ticket", TicketDriver.ticket("lat", "北纬37度", "lon", LON), "纬度须为数字");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    private void assertRefused(String process, Map<String, Object> variables, String message) {
        ResponseEntity<Map> refused = start(process, "secretary", variables);
        assertThat(refused.getStatusCode().is2xxSuccessful()).as(process + " " + variables).isFalse();
        assertThat((String) refused.getBody().get("message")).contains(message);
    }

    private ResponseEntity<Map> start(String process, String user, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return rest.withBasicAuth(user, "demo").postForEntity(String.format(START, process),
                Map.of("variables", typed), Map.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }
}
