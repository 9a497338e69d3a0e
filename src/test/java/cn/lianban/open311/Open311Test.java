package cn.lianban.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.Distance;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.support.ProcessTestBase;

/**
 * Open311 GeoReport v2 over HTTP, anonymous, against the specification's examples: discovery, services and
 * definitions, posting a request (it starts a ticket), reading it back as the ticket moves, tokens, the filters
 * of GET requests, and every refusal, each of which must leave no ticket and no row behind.
 */
class Open311Test extends ProcessTestBase {

    static final String BASE = "/open311/v2/";
    static final String DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Directory directory;
    @Autowired
    ObjectMapper mapper;

    @AfterEach
    void removeTestKeys() {
        jdbc.update("DELETE FROM open311_key WHERE api_key = 'retired-key'");
    }

    // ------------------------------------------------------------------ discovery and services

    @Test
    void discoveryNamesTheEndpointInBothFormats() throws Exception {
        ResponseEntity<byte[]> xml = get("discovery.xml");
        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xml.getHeaders().getContentType().toString()).isEqualTo("text/xml;charset=utf-8");
        assertThat(new String(xml.getBody(), StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Element discovery = xml(xml).getDocumentElement();
        assertThat(discovery.getTagName()).isEqualTo("discovery");
        assertThat(text(discovery, "changeset")).matches(DATE);
        assertThat(text(discovery, "contact")).isNotBlank();
        assertThat(text(discovery, "key_service")).isNotBlank();
        Element endpoint = child(child(discovery, "endpoints"), "endpoint");
        assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(endpoint, "url")).endsWith("/open311/v2");
        assertThat(text(endpoint, "type")).isIn("production", "test");
        assertThat(texts(child(endpoint, "formats"), "format")).containsExactly("text/xml", "application/json");

        ResponseEntity<byte[]> json = get("discovery.json");
        assertThat(json.getHeaders().getContentType().toString()).isEqualTo("application/json;charset=utf-8");
        JsonNode d = json(json);
        assertThat(d.get("changeset").asText()).matches(DATE);
        assertThat(d.get("endpoints").isArray()).isTrue();
        JsonNode e = d.get("endpoints").get(0);
        assertThat(e.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(e.get("formats").toString()).isEqualTo("[\"text/xml\",\"application/json\"]");
    }

    @Test
    void theServicesAreTheActiveItemsOfTheResponsibilityList() throws Exception {
        int active = jdbc.queryForObject("SELECT COUNT(*) FROM responsibility_item WHERE active = TRUE", Integer.class);

        Element services = xml(get("services.xml")).getDocumentElement();
        assertThat(services.getTagName()).isEqualTo("services");
        List<Element> all = children(services, "service");
        assertThat(all).hasSize(active);
        Element r001 = all.stream().filter(s -> text(s, "service_code").equals("R-001")).findFirst().orElseThrow();
        assertThat(text(r001, "service_name")).isEqualTo("占道经营");
        assertThat(text(r001, "group")).isEqualTo("市容环境");
        assertThat(text(r001, "type")).isEqualTo("realtime");
        assertThat(text(r001, "metadata")).isEqualTo("false");
        assertThat(text(r001, "keywords")).contains("城市管理局");
        assertThat(text(r001, "description")).contains("城市管理局").contains("3个工作日");

        JsonNode json = json(get("services.json"));
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(active);
        JsonNode first = json.get(0);
        assertThat(first.get("service_code").asText()).isEqualTo("R-001");
        assertThat(first.get("metadata").isBoolean()).isTrue();
        assertThat(first.get("metadata").asBoolean()).isFalse();
        assertThat(first.get("group").asText()).isEqualTo("市容环境");
        // a coordination item names its lead and helper departments
        JsonNode coordination = find(json, "service_code", "R-142");
        assertThat(coordination.get("description").asText()).contains("牵头").contains("协办");
        assertThat(coordination.get("keywords").asText()).contains("协同事项");
    }

    @Test
    void aServiceDefinitionHasNoAttributesAndAnUnknownServiceIsNotFound() throws Exception {
        Element definition = xml(get("services/R-001.xml")).getDocumentElement();
        assertThat(definition.getTagName()).isEqualTo("service_definition");
        assertThat(text(definition, "service_code")).isEqualTo("R-001");
        assertThat(children(child(definition, "attributes"), "attribute")).isEmpty();

        JsonNode json = json(get("services/R-001.json"));
        assertThat(json.get("service_code").asText()).isEqualTo("R-001");
        assertThat(json.get("attributes").isArray()).isTrue();
        assertThat(json.get("attributes")).isEmpty();

        assertError(get("services/R-999.json"), HttpStatus.NOT_FOUND, "R-999");
        assertError(get("services/R-999.xml"), HttpStatus.NOT_FOUND, "R-999");
    }

    @Test
    void anInactiveItemIsNoService() throws Exception {
        jdbc.update("UPDATE responsibility_item SET active = FALSE WHERE code = 'R-099'");
        try {
            assertThat(json(get("services.json")).findValuesAsText("service_code")).doesNotContain("R-099");
            assertError(get("services/R-099.json"), HttpStatus.NOT_FOUND, "R-099");
            assertNothingStoredBy(() -> post("json", request("service_code", "R-099")), HttpStatus.BAD_REQUEST,
                    "R-099");
        } finally {
            jdbc.update("UPDATE responsibility_item SET active = TRUE WHERE code = 'R-099'");
        }
    }

    // ------------------------------------------------------------------ POST requests

    @Test
    void postingAsJsonStartsATicketAsTheSystem() throws Exception {
        Community a = communityA();
        ResponseEntity<byte[]> posted = post("json", request("address_string", "华山路菜市场东门", "email",
                "zhang@example.cn", "first_name", "三", "last_name", "张", "phone", "+86 138-0000-0000", "media_url",
                "https://img.example.cn/1.jpg", "device_id", "dev-1", "account_id", "acc-7",
                "attribute[NOT_DEFINED]", "ignored", "jurisdiction_id", "lianban"));
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = json(posted);
        assertThat(answer.isArray()).isTrue();
        assertThat(answer).hasSize(1);
        String id = answer.get(0).get("service_request_id").asText();
        assertThat(id).matches("TK-2026-\\d{6}");
        assertThat(answer.get(0).has("token")).as("realtime services answer with the id, not a token").isFalse();
        assertThat(answer.get(0).get("service_notice").asText()).contains("城市管理局").contains("3个工作日");
        assertThat(answer.get(0).get("account_id").asText()).isEqualTo("acc-7");

        ProcessInstance pi = ticket(id);
        Map<String, Object> v = runtime.getVariables(pi.getId());
        assertThat(v).containsEntry("itemCode", "R-001").containsEntry("communityCode", a.code())
                .containsEntry("location", "华山路菜市场东门").containsEntry("deptCode", "urban")
                .containsEntry("status", "ACCEPTING").containsEntry("description", "菜市场门口有流动摊贩占道经营，影响通行");
        assertThat(v.get("raiser")).as("no Camunda user raised it").isNull();
        assertThat(driver.events(id)).containsExactly("RAISED", "DISPATCHED");
        assertThat(jdbc.queryForObject("SELECT actor FROM case_event WHERE business_key = ? AND action = 'RAISED'",
                String.class, id)).isEqualTo("system");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM open311_request WHERE service_request_id = ?", id);
        assertThat(row).containsEntry("PROCESS_INSTANCE_ID", pi.getId()).containsEntry("SERVICE_CODE", "R-001")
                .containsEntry("API_KEY", "demo-key").containsEntry("EMAIL", "zhang@example.cn")
                .containsEntry("FIRST_NAME", "三").containsEntry("LAST_NAME", "张")
                .containsEntry("PHONE", "+86 138-0000-0000").containsEntry("MEDIA_URL", "https://img.example.cn/1.jpg")
                .containsEntry("DEVICE_ID", "dev-1").containsEntry("ACCOUNT_ID", "acc-7")
                .containsEntry("ADDRESS_STRING", "华山路菜市场东门").containsEntry("LAT", a.lat())
                .containsEntry("LON", a.lon());
        assertThat((String) row.get("TOKEN")).matches("[0-9a-f-]{36}");
    }

    @Test
    void postingAsXmlWithOnlyACoordinateUsesItAsTheLocation() throws Exception {
        Community a = communityA();
        ResponseEntity<byte[]> posted = post("xml", request());
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(posted.getHeaders().getContentType().toString()).isEqualTo("text/xml;charset=utf-8");
        Element root = xml(posted).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = child(root, "request");
        String id = text(request, "service_request_id");
        assertThat(id).matches("TK-2026-\\d{6}");
        assertThat(text(request, "service_notice")).contains("城市管理局");
        assertThat(child(request, "account_id").hasChildNodes()).isFalse();
        assertThat(child(request, "token")).isNull();

        Map<String, Object> v = runtime.getVariables(ticket(id).getId());
        assertThat(v).containsEntry("itemCode", "R-001").containsEntry("communityCode", a.code())
                .containsEntry("location", a.lat() + "," + a.lon()).containsEntry("lat", a.lat())
                .containsEntry("lon", a.lon());
        // issue 14: the point is the ticket's position, on its row for the case page
        assertThat(jdbc.queryForMap("SELECT lat, lon FROM ticket_case WHERE business_key = ?", id))
                .containsEntry("LAT", a.lat()).containsEntry("LON", a.lon());
    }

    @Test
    void aNearbyPointBelongsToTheNearestCommunityAndAnAddressMayNameIt() throws Exception {
        Community b = directory.community("C-XJ-01").orElseThrow();
        // about 300 m north-east of community B's centre
        String id = json(post("json", request("lat", String.valueOf(b.lat() + 0.002), "long",
                String.valueOf(b.lon() + 0.002)))).get(0).get("service_request_id").asText();
        assertThat(runtime.getVariable(ticket(id).getId(), "communityCode")).isEqualTo(nearestTo(b.lat() + 0.002,
                b.lon() + 0.002));

        String named = json(post("json", request("lat", null, "long", null, "address_string",
                b.name() + "3号楼东侧"))).get(0).get("service_request_id").asText();
        assertThat(runtime.getVariable(ticket(named).getId(), "communityCode")).isEqualTo("C-XJ-01");
        assertThat(jdbc.queryForMap("SELECT lat, lon FROM open311_request WHERE service_request_id = ?", named))
                .containsEntry("LAT", null).containsEntry("LON", null);
    }

    @Test
    void aLoggedInCallerStillRaisesItAsTheSystem() throws Exception {
        // secretary2 may not raise tickets for community A in Tasklist; Open311 raises them as the system
        ResponseEntity<byte[]> posted = rest.withBasicAuth("secretary2", "demo").postForEntity(BASE + "requests.json",
                form(request()), byte[].class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = json(posted).get(0).get("service_request_id").asText();
        assertThat(runtime.getVariable(ticket(id).getId(), "raiser")).isNull();
    }

    // ------------------------------------------------------------------ GET requests as the ticket moves

    @Test
    void aRequestShowsTheTicketsProgressUntilItIsClosed() throws Exception {
        Community a = communityA();
        String id = json(post("json", request("address_string", "华山路菜市场东门", "media_url",
                "https://img.example.cn/2.jpg"))).get(0).get("service_request_id").asText();

        JsonNode r = single(id);
        assertThat(r.get("service_request_id").asText()).isEqualTo(id);
        assertThat(r.get("status").asText()).isEqualTo("open");
        assertThat(r.get("status_notes").asText()).isEqualTo("已派至城市管理局，待接单");
        assertThat(r.get("service_name").asText()).isEqualTo("占道经营");
        assertThat(r.get("service_code").asText()).isEqualTo("R-001");
        assertThat(r.get("description").asText()).isEqualTo("菜市场门口有流动摊贩占道经营，影响通行");
        assertThat(r.get("agency_responsible").asText()).isEqualTo("城市管理局");
        assertThat(r.get("service_notice").asText()).contains("24小时内接单");
        assertThat(r.get("requested_datetime").asText()).isEqualTo("2026-03-02T10:00:00+08:00").matches(DATE);
        assertThat(r.get("updated_datetime").asText()).isEqualTo("2026-03-02T10:00:00+08:00");
        assertThat(r.get("expected_datetime").isNull()).as("the resolution clock starts on accepting").isTrue();
        assertThat(r.get("address").asText()).isEqualTo("华山路菜市场东门");
        assertThat(r.get("lat").isNumber()).isTrue();
        assertThat(r.get("lat").asDouble()).isEqualTo(a.lat());
        assertThat(r.get("long").asDouble()).isEqualTo(a.lon());
        assertThat(r.get("media_url").asText()).isEqualTo("https://img.example.cn/2.jpg");

        ProcessInstance pi = ticket(id);
        driver.clockAt(LocalDateTime.of(2026, 3, 2, 11, 15));
        driver.complete(pi, "accept", "accepted", true);
        r = single(id);
        assertThat(r.get("status").asText()).isEqualTo("open");
        assertThat(r.get("status_notes").asText()).isEqualTo("城市管理局已接单，办理中");
        assertThat(r.get("updated_datetime").asText()).isEqualTo("2026-03-02T11:15:00+08:00");
        assertThat(r.get("expected_datetime").asText()).isEqualTo("2026-03-05T18:00:00+08:00");

        driver.clockAt(LocalDateTime.of(2026, 3, 3, 9, 30));
        driver.complete(pi, "resolve", "result", "已劝离摊贩并设置提示牌");
        Element x = child(xml(get("requests/" + id + ".xml")).getDocumentElement(), "request");
        assertThat(text(x, "status")).isEqualTo("open");
        assertThat(text(x, "status_notes")).isEqualTo("已办理：已劝离摊贩并设置提示牌，待社区确认");
        assertThat(text(x, "updated_datetime")).isEqualTo("2026-03-03T09:30:00+08:00");
        assertThat(text(x, "requested_datetime")).isEqualTo("2026-03-02T10:00:00+08:00");
        assertThat(text(x, "agency_responsible")).isEqualTo("城市管理局");

        driver.complete(pi, "confirm", "solved", true);
        driver.clockAt(LocalDateTime.of(2026, 3, 4, 16, 0));
        driver.complete(pi, "rate", "satisfaction", 5);
        r = single(id);
        assertThat(r.get("status").asText()).isEqualTo("closed");
        assertThat(r.get("status_notes").asText()).isEqualTo("已办结：已劝离摊贩并设置提示牌");
        assertThat(r.get("updated_datetime").asText()).isEqualTo("2026-03-04T16:00:00+08:00");
        assertThat(r.get("agency_responsible").asText()).isEqualTo("城市管理局");
        assertThat(r.get("expected_datetime").asText()).matches(DATE);
    }

    @Test
    void aReturnedTicketIsWithTheStreetDesk() throws Exception {
        String id = json(post("json", request())).get(0).get("service_request_id").asText();
        driver.complete(ticket(id), "accept", "accepted", false, "returnReason", "不属于城管");
        JsonNode r = single(id);
        assertThat(r.get("status").asText()).isEqualTo("open");
        assertThat(r.get("status_notes").asText()).isEqualTo("部门退单，街道重新派单中");
        assertThat(r.get("agency_responsible").asText()).isEqualTo("东莱街道");
    }

    @Test
    void aTokenLeadsToItsRequest() throws Exception {
        String id = json(post("json", request())).get(0).get("service_request_id").asText();
        String token = jdbc.queryForObject("SELECT token FROM open311_request WHERE service_request_id = ?",
                String.class, id);

        JsonNode json = json(get("tokens/" + token + ".json"));
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("service_request_id").asText()).isEqualTo(id);
        assertThat(json.get(0).get("token").asText()).isEqualTo(token);

        Element request = child(xml(get("tokens/" + token + ".xml")).getDocumentElement(), "request");
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "token")).isEqualTo(token);

        assertError(get("tokens/00000000-0000-0000-0000-000000000000.json"), HttpStatus.NOT_FOUND, "token");
    }

    @Test
    void requestsAreFilteredByIdServiceStatusAndDate() throws Exception {
        // a week no other test uses: Monday 5 May 2025
        driver.clockAt(LocalDateTime.of(2025, 5, 5, 9, 0));
        String closed = json(post("json", request())).get(0).get("service_request_id").asText();
        walkToClosure(ticket(closed));
        driver.clockAt(LocalDateTime.of(2025, 5, 5, 10, 0));
        String lamp = json(post("json", request("service_code", "R-016", "description", "小区门口两盏路灯不亮")))
                .get(0).get("service_request_id").asText();
        driver.clockAt(LocalDateTime.of(2025, 5, 6, 10, 0));
        String open = json(post("json", request())).get(0).get("service_request_id").asText();

        String may5to6 = "start_date=2025-05-05T00:00:00%2B08:00&end_date=2025-05-06T23:59:59%2B08:00";
        assertThat(ids("requests.json?" + may5to6)).containsExactly(open, lamp, closed);
        assertThat(ids("requests.json?" + may5to6 + "&service_code=R-016")).containsExactly(lamp);
        assertThat(ids("requests.json?" + may5to6 + "&service_code=R-016,R-001")).containsExactly(open, lamp, closed);
        assertThat(ids("requests.json?" + may5to6 + "&status=closed")).containsExactly(closed);
        assertThat(ids("requests.json?" + may5to6 + "&status=open")).containsExactly(open, lamp);
        assertThat(ids("requests.json?" + may5to6 + "&status=open,closed")).containsExactly(open, lamp, closed);
        assertThat(ids("requests.json?" + may5to6 + "&service_code=R-001&status=open")).containsExactly(open);
        // UTC and a date alone (a whole day in Beijing time) work as well
        assertThat(ids("requests.json?start_date=2025-05-05T01:30:00Z&end_date=2025-05-06T03:00:00Z"))
                .containsExactly(open, lamp);
        assertThat(ids("requests.json?start_date=2025-05-05&end_date=2025-05-05")).containsExactly(lamp, closed);
        // the default is the last 90 days: now is 6 May 2025, so the 2026 requests of other tests are not in it
        assertThat(ids("requests.json")).containsExactly(open, lamp, closed);
        assertThat(ids("requests.json?start_date=2025-05-06T00:00:00%2B08:00")).containsExactly(open);
        assertThat(ids("requests.json?end_date=2025-05-05T09:30:00%2B08:00")).containsExactly(closed);
        // ids override every other filter
        assertThat(ids("requests.json?service_request_id=" + closed + "," + lamp
                + "&status=open&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z"))
                .containsExactly(lamp, closed);

        Element root = xml(get("requests.xml?" + may5to6 + "&status=closed")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        List<Element> requests = children(root, "request");
        assertThat(requests).hasSize(1);
        assertThat(text(requests.get(0), "service_request_id")).isEqualTo(closed);
        assertThat(text(requests.get(0), "status")).isEqualTo("closed");
        assertThat(text(requests.get(0), "requested_datetime")).isEqualTo("2025-05-05T09:00:00+08:00");

        assertError(get("requests.json?status=pending"), HttpStatus.BAD_REQUEST, "status");
        assertError(get("requests.xml?start_date=yesterday"), HttpStatus.BAD_REQUEST, "start_date");
        assertError(get("requests.json?start_date=2025-05-05T00:00:00"), HttpStatus.BAD_REQUEST, "start_date");
        assertError(get("requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-05-05T00:00:00Z"),
                HttpStatus.BAD_REQUEST, "90");
        assertError(get("requests.json?start_date=2025-05-06T00:00:00Z&end_date=2025-05-05T00:00:00Z"),
                HttpStatus.BAD_REQUEST, "start_date");
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aMissingOrBadApiKeyIsRefusedWith403() throws Exception {
        jdbc.update("INSERT INTO open311_key(api_key, name, active) VALUES ('retired-key', '已停用的应用', FALSE)");
        assertNothingStoredBy(() -> post("json", request("api_key", null)), HttpStatus.FORBIDDEN, "api_key");
        assertNothingStoredBy(() -> post("xml", request("api_key", null)), HttpStatus.FORBIDDEN, "api_key");
        assertNothingStoredBy(() -> post("json", request("api_key", "wrong-key")), HttpStatus.FORBIDDEN, "api_key");
        assertNothingStoredBy(() -> post("xml", request("api_key", "retired-key")), HttpStatus.FORBIDDEN, "api_key");
        // the key is checked before anything else
        assertNothingStoredBy(() -> post("json", request("api_key", "wrong-key", "service_code", "R-999")),
                HttpStatus.FORBIDDEN, "api_key");
    }

    @Test
    void anUnknownOrMissingServiceIsRefusedWith400() throws Exception {
        assertNothingStoredBy(() -> post("json", request("service_code", "R-999")), HttpStatus.BAD_REQUEST, "R-999");
        assertNothingStoredBy(() -> post("xml", request("service_code", "R-999")), HttpStatus.BAD_REQUEST, "R-999");
        assertNothingStoredBy(() -> post("json", request("service_code", null)), HttpStatus.BAD_REQUEST,
                "service_code");
    }

    @Test
    void aMissingOrOversizedDescriptionIsRefusedWith400() throws Exception {
        assertNothingStoredBy(() -> post("json", request("description", null)), HttpStatus.BAD_REQUEST, "description");
        assertNothingStoredBy(() -> post("xml", request("description", "   ")), HttpStatus.BAD_REQUEST, "description");
        assertNothingStoredBy(() -> post("json", request("description", "占".repeat(2001))), HttpStatus.BAD_REQUEST,
                "2000");
        assertNothingStoredBy(() -> post("json", request("description", "路灯\u0007不亮")), HttpStatus.BAD_REQUEST,
                "description");
        // exactly the limit is fine
        assertThat(post("json", request("description", "占".repeat(2000))).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badCoordinatesAreRefusedWith400() throws Exception {
        assertNothingStoredBy(() -> post("json", request("lat", "abc")), HttpStatus.BAD_REQUEST, "lat");
        assertNothingStoredBy(() -> post("json", request("lat", "91")), HttpStatus.BAD_REQUEST, "lat");
        assertNothingStoredBy(() -> post("json", request("long", "-180.5")), HttpStatus.BAD_REQUEST, "long");
        assertNothingStoredBy(() -> post("xml", request("lat", "NaN")), HttpStatus.BAD_REQUEST, "lat");
        assertNothingStoredBy(() -> post("json", request("long", "1e2")), HttpStatus.BAD_REQUEST, "long");
        assertNothingStoredBy(() -> post("json", request("long", null)), HttpStatus.BAD_REQUEST, "long");
        assertNothingStoredBy(() -> post("json", request("lat", null, "long", null)), HttpStatus.BAD_REQUEST,
                "address_string");
        assertNothingStoredBy(() -> post("json", request("lat", null, "long", null, "address_id", "545483")),
                HttpStatus.BAD_REQUEST, "address_id");
        assertNothingStoredBy(() -> post("json", request("lat", null, "long", null, "address_string", "火星基地")),
                HttpStatus.BAD_REQUEST, "address_string");
    }

    @Test
    void aPlaceOutsideTheServiceAreaIsRefusedWith400() throws Exception {
        // Beijing, several hundred kilometres from every community
        assertNothingStoredBy(() -> post("json", request("lat", "39.9042", "long", "116.4074")), HttpStatus.BAD_REQUEST,
                "location outside service area");
        assertNothingStoredBy(() -> post("xml", request("lat", "39.9042", "long", "116.4074")), HttpStatus.BAD_REQUEST,
                "location outside service area");
    }

    @Test
    void badContactFieldsAreRefusedWith400AndAllProblemsAreListed() throws Exception {
        assertNothingStoredBy(() -> post("json", request("email", "not-a-mail")), HttpStatus.BAD_REQUEST, "email");
        assertNothingStoredBy(() -> post("json", request("media_url", "javascript:alert(1)")), HttpStatus.BAD_REQUEST,
                "media_url");
        assertNothingStoredBy(() -> post("json", request("phone", "call me")), HttpStatus.BAD_REQUEST, "phone");
        assertNothingStoredBy(() -> post("json", request("address_string", "路".repeat(201))), HttpStatus.BAD_REQUEST,
                "address_string");

        ResponseEntity<byte[]> several = post("json", request("description", null, "lat", "95", "service_code",
                "R-999"));
        assertThat(several.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json(several);
        assertThat(errors).hasSize(3);
        errors.forEach(e -> assertThat(e.get("code").asInt()).isEqualTo(400));
        List<Element> xmlErrors = children(xml(post("xml", request("description", null, "lat", "95")))
                .getDocumentElement(), "error");
        assertThat(xmlErrors).hasSize(2);
    }

    @Test
    void aRefusedValueIsQuotedInItsSentence() throws Exception {
        assertNothingStoredBy(() -> post("json", request("email", "not-a-mail")), HttpStatus.BAD_REQUEST,
                "email 不是有效的邮箱地址：not-a-mail");
    }

    @Test
    void unknownResourcesAreNotFoundAndWrongMethodsAreBadRequests() throws Exception {
        assertError(get("requests/TK-1999-000000.json"), HttpStatus.NOT_FOUND, "TK-1999-000000");
        assertError(get("requests/TK-1999-000000.xml"), HttpStatus.NOT_FOUND, "TK-1999-000000");
        assertError(get("nothing.json"), HttpStatus.NOT_FOUND, "nothing");
        assertError(get("services.html"), HttpStatus.NOT_FOUND, "html");
        assertError(rest.postForEntity(BASE + "services.json", form(request()), byte[].class), HttpStatus.BAD_REQUEST,
                "POST");
        // a ticket raised in Tasklist is no Open311 request
        String tasklistTicket = runtime.startProcessInstanceByKey("ticket", cn.lianban.support.TicketDriver.ticket())
                .getBusinessKey();
        assertError(get("requests/" + tasklistTicket + ".json"), HttpStatus.NOT_FOUND, tasklistTicket);
    }

    // ------------------------------------------------------------------ helpers

    private Community communityA() {
        return directory.community("C-DL-01").orElseThrow();
    }

    private String nearestTo(double lat, double lon) {
        return directory.communities().stream().min(java.util.Comparator.comparingDouble(
                c -> Distance.meters(lat, lon, c.lat(), c.lon()))).orElseThrow().code();
    }

    /** A valid request for R-001 at community A's centre; {@code changes} override fields (null removes one). */
    private MultiValueMap<String, String> request(String... changes) {
        Community a = communityA();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "demo-key");
        form.add("service_code", "R-001");
        form.add("description", "菜市场门口有流动摊贩占道经营，影响通行");
        form.add("lat", String.valueOf(a.lat()));
        form.add("long", String.valueOf(a.lon()));
        for (int i = 0; i < changes.length; i += 2) {
            form.remove(changes[i]);
            if (changes[i + 1] != null) {
                form.add(changes[i], changes[i + 1]);
            }
        }
        return form;
    }

    private HttpEntity<MultiValueMap<String, String>> form(MultiValueMap<String, String> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8));
        return new HttpEntity<>(fields, headers);
    }

    private ResponseEntity<byte[]> post(String format, MultiValueMap<String, String> fields) {
        return rest.postForEntity(BASE + "requests." + format, form(fields), byte[].class);
    }

    private ResponseEntity<byte[]> get(String path) {
        return rest.getForEntity(java.net.URI.create(rest.getRootUri() + BASE + path), byte[].class);
    }

    private JsonNode single(String id) throws Exception {
        ResponseEntity<byte[]> answer = get("requests/" + id + ".json");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = json(answer);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private List<String> ids(String path) throws Exception {
        ResponseEntity<byte[]> answer = get(path);
        assertThat(answer.getStatusCode()).as(new String(answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json(answer).forEach(r -> ids.add(r.get("service_request_id").asText()));
        return ids;
    }

    private ProcessInstance ticket(String businessKey) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("ticket")
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(pi).as("ticket " + businessKey).isNotNull();
        return pi;
    }

    private void walkToClosure(ProcessInstance pi) {
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 4);
    }

    private void assertNothingStoredBy(java.util.concurrent.Callable<ResponseEntity<byte[]>> call, HttpStatus status,
                                       String mentioned) throws Exception {
        long tickets = history.createHistoricProcessInstanceQuery().processDefinitionKey("ticket").count();
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM open311_request", Integer.class);
        Long lastKey = nextTicketNumber();
        assertError(call.call(), status, mentioned);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("ticket").count())
                .as("no ticket started").isEqualTo(tickets);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM open311_request", Integer.class)).as("no row stored")
                .isEqualTo(rows);
        assertThat(nextTicketNumber()).as("no key used").isEqualTo(lastKey);
    }

    /** What the ticket key sequences (KeySequence: key_tk_2026, …) would hand out next, read without drawing it. */
    private Long nextTicketNumber() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(BASE_VALUE), 0) FROM INFORMATION_SCHEMA.SEQUENCES "
                + "WHERE SEQUENCE_NAME LIKE 'KEY_TK_%'", Long.class);
    }

    /** The answer is the spec's error list in the format asked for, with the status as code. */
    private void assertError(ResponseEntity<byte[]> answer, HttpStatus status, String mentioned) throws Exception {
        String body = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(answer.getStatusCode()).as(body).isEqualTo(status);
        List<String> descriptions = new ArrayList<>();
        if (answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)) {
            JsonNode errors = json(answer);
            assertThat(errors.isArray()).as(body).isTrue();
            assertThat(errors).isNotEmpty();
            for (JsonNode e : errors) {
                assertThat(e.get("code").isInt()).isTrue();
                assertThat(e.get("code").asInt()).isEqualTo(status.value());
                descriptions.add(e.get("description").asText());
            }
        } else {
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).as(body).isTrue();
            Element errors = xml(answer).getDocumentElement();
            assertThat(errors.getTagName()).isEqualTo("errors");
            for (Element e : children(errors, "error")) {
                assertThat(text(e, "code")).isEqualTo(String.valueOf(status.value()));
                descriptions.add(text(e, "description"));
            }
            assertThat(descriptions).isNotEmpty();
        }
        assertThat(String.join(" ", descriptions)).contains(mentioned);
    }

    private JsonNode json(ResponseEntity<byte[]> answer) throws Exception {
        return mapper.readTree(answer.getBody());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value);
    }

    private static Document xml(ResponseEntity<byte[]> answer) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.getBody()));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found.size()).as("at most one <" + name + ">").isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        assertThat(e).as("<" + name + "> in <" + parent.getTagName() + ">").isNotNull();
        return e.getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).toList();
    }
}
