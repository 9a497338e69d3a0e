package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;

/**
 * 双报到 over HTTP: who may record and read totals, the contract's 400 body, and totals against hand-made
 * check-ins in March 2025, a month no other test uses.
 */
@LianbanTest
class CheckinApiTest {

    private static final String MARCH = "service_date BETWEEN DATE '2025-03-01' AND DATE '2025-03-31'";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> TOTALS = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    /** A member placed in a grid of community A (C-DL-01), and one placed in community B (C-XJ-01). */
    long member;
    long memberOfB;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM checkin WHERE " + MARCH);
        member = placedIn("C-DL-01");
        memberOfB = placedIn("C-XJ-01");
    }

    private long placedIn(String community) {
        return jdbc.queryForObject("SELECT MIN(m.id) FROM agency_member m JOIN grid g ON g.code = m.grid_code"
                + " WHERE g.community_code = ?", Long.class, community);
    }

    @Test
    void aSecretaryAndAGridWorkerRecordForTheirCommunity() {
        ResponseEntity<Map<String, Object>> created = post("secretary", body(member, "C-DL-01", "2025-03-03", "2.5",
                "帮助独居老人代购药品"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM checkin WHERE id = ?", id);
        assertThat(row).containsEntry("MEMBER_ID", member).containsEntry("COMMUNITY_CODE", "C-DL-01")
                .containsEntry("ACTIVITY", "帮助独居老人代购药品");
        assertThat(post("gridworker", body(member, "C-DL-01", "2025-03-04", "1", "楼道清理")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("center", body(memberOfB, "C-XJ-01", "2025-03-04", "1", "走访")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anotherCommunitysSecretaryIsRefused() {
        ResponseEntity<Map<String, Object>> refused = post("secretary2", body(member, "C-DL-01", "2025-03-03", "2",
                "走访"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("error", "forbidden").containsKey("message");
        assertThat(post("housing", body(member, "C-DL-01", "2025-03-03", "2", "走访")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(marchCount()).isZero();
    }

    @Test
    void badInputIs400WithTheContractBodyAndStoresNothing() {
        expect400(body(member, "C-DL-01", "2025-03-03", "0", "走访"), "invalid_checkin", "hours");
        expect400(body(member, "C-DL-01", "2025-03-03", "25", "走访"), "invalid_checkin", "hours");
        expect400(body(member, "C-DL-01", "2099-03-03", "2", "走访"), "invalid_checkin", "date");
        expect400(body(member, "C-DL-01", "2025-03-03", "2", "  "), "invalid_checkin", "activity");
        expect400("{\"memberId\":" + member + ",\"communityCode\":\"C-DL-01\",\"date\":\"2025-03-03\",\"hours\":2}",
                "invalid_checkin", "activity");
        expect400("{\"memberId\":" + member + ",\"communityCode\":\"C-DL-01\",", "malformed_json", "JSON");
        expect400(body(member, "C-DL-01", "2025-03-03", "\"两小时\"", "走访"), "malformed_json", "hours");
        expect400(body(member, "C-DL-01", "2025-13-01", "2", "走访"), "malformed_json", "date");
        expect400(body(member, "C-DL-01", "2025-03-03", "2", "走访").replace("}", ",\"minutes\":30}"),
                "malformed_json", "minutes");
        expect400("[1, 2]", "malformed_json", "JSON");
        expect400("{\"communityCode\":\" \",\"date\":\"2025-03-03\",\"hours\":2,\"activity\":\"走访\"}",
                "invalid_checkin", "报到党员（memberId）不能为空；服务社区（communityCode）不能为空");
        expect400(body(999_999_999L, "C-DL-01", "2025-03-03", "2", "走访"), "invalid_checkin", "memberId");
        long stranger = jdbc.queryForObject("SELECT MIN(m.id) FROM agency_member m JOIN grid g ON g.code = m.grid_code"
                + " WHERE g.community_code <> 'C-DL-01' AND m.agency_code NOT IN"
                + " (SELECT agency_code FROM pairing WHERE community_code = 'C-DL-01')", Long.class);
        expect400(body(stranger, "C-DL-01", "2025-03-03", "2", "走访"), "invalid_checkin", "未下沉到该社区");
        assertThat(marchCount()).isZero();
    }

    @Test
    void totalsAreTheSumsOfTheCheckinsAndASecretarySeesOnlyTheirCommunity() {
        post("secretary", body(member, "C-DL-01", "2025-03-03", "2.5", "代购药品"));
        post("secretary", body(member, "C-DL-01", "2025-03-20", "1.5", "政策宣讲"));
        post("secretary2", body(memberOfB, "C-XJ-01", "2025-03-05", "3", "小区巡查"));

        // member: 2.5 + 1.5 = 4.0 in 2 check-ins; community B's member is not shown to community A's secretary
        List<Map<String, Object>> byMember = totals("secretary", "member", "2025-03");
        assertThat(byMember).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("key", String.valueOf(member)).containsEntry("checkins", 2).containsEntry("hours", 4.0));
        assertThat(totals("center", "member", "2025-03")).extracting(t -> t.get("key"))
                .containsExactly(String.valueOf(member), String.valueOf(memberOfB));
        // the member's agency, from community A's members only: the same 4.0
        String agency = jdbc.queryForObject("SELECT agency_code FROM agency_member WHERE id = ?", String.class, member);
        assertThat(totals("secretary", "agency", "2025-03")).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("key", agency).containsEntry("hours", 4.0));
        // communities: secretary sees only C-DL-01; the city center both (B's 3.0 is below A's 4.0)
        assertThat(totals("secretary", "community", "2025-03")).extracting(t -> t.get("key")).containsExactly("C-DL-01");
        assertThat(totals("center", "community", "2025-03")).extracting(t -> t.get("key"), t -> t.get("hours"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-DL-01", 4.0),
                        org.assertj.core.groups.Tuple.tuple("C-XJ-01", 3.0));
        assertThat(totals("secretary", "member", "2025-04")).isEmpty();
        assertThat(totals("gridworker", "community", "2025-03")).extracting(t -> t.get("key")).containsExactly("C-DL-01");
    }

    @Test
    void totalsRefuseOtherRolesAndBadParameters() {
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity("/api/checkins/totals", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> badBy = rest.withBasicAuth("center", "demo")
                .getForEntity("/api/checkins/totals?by=street", String.class);
        assertThat(badBy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badBy.getBody()).contains("\"error\":\"bad_by\"");
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/api/checkins/totals?month=2025-3",
                String.class).getBody()).contains("\"error\":\"bad_month\"");
    }

    @Test
    void anonymousCallersAre401() {
        assertThat(rest.getForEntity("/api/checkins/totals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.exchange("/api/checkins", HttpMethod.POST, json(body(member, "C-DL-01", "2025-03-03", "2",
                "走访")), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(marchCount()).isZero();
    }

    @Test
    void thePageRecordsForTheSecretarysCommunityAndShowsErrors() {
        PageSession secretary = new PageSession(rest, "secretary");
        String page = secretary.get("/checkins").getBody();
        Map<String, Object> who = jdbc.queryForMap("SELECT m.name AS member, a.name AS agency FROM agency_member m"
                + " JOIN agency a ON a.code = m.agency_code WHERE m.id = ?", member);
        String community = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class);
        // the secretary picks members by name and agency, and sees her community by name
        assertThat(page).contains("双报到登记", "name=\"_csrf\"", "<div class=\"fixed\">" + community + "</div>",
                "label=\"" + who.get("member") + "（" + who.get("agency") + "）\"");

        String rejected = secretary.post("/checkins", Map.of("memberId", List.of(String.valueOf(member)),
                "date", List.of("2025-03-03"), "hours", List.of("0"), "activity", List.of("走访"))).getBody();
        assertThat(rejected).contains("服务时长应大于 0", "value=\"2025-03-03\"").doesNotContain("（hours）");
        assertThat(marchCount()).isZero();

        String done = secretary.post("/checkins", Map.of("memberId", List.of(String.valueOf(member)),
                "date", List.of("2025-03-03"), "hours", List.of("2.5"), "activity", List.of("代购药品"))).getBody();
        assertThat(done).contains("已登记双报到：" + who.get("member") + "（" + who.get("agency") + "）在" + community
                + "服务 2.5 小时，2025-03-03。");
        assertThat(jdbc.queryForObject("SELECT community_code FROM checkin WHERE " + MARCH, String.class))
                .isEqualTo("C-DL-01");
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity("/checkins", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCityCenterPicksTheCommunityByNameUnderItsStreet() {
        String page = new PageSession(rest, "center").get("/checkins").getBody();
        String street = jdbc.queryForObject("SELECT s.name FROM street s JOIN area a ON a.street_code = s.code"
                + " JOIN community c ON c.area_code = a.code WHERE c.code = 'C-DL-01'", String.class);
        String community = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class);
        assertThat(page).contains("<optgroup label=\"" + street + "\">", "value=\"C-DL-01\">" + community + "</option>")
                .doesNotContain("社区编码");
    }

    private void expect400(String body, String code, String field) {
        ResponseEntity<Map<String, Object>> answer = post("secretary", body);
        assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).as(body).containsEntry("error", code);
        assertThat((String) answer.getBody().get("message")).as(body).contains(field);
    }

    private int marchCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM checkin WHERE " + MARCH, Integer.class);
    }

    private static String body(long memberId, String community, String date, String hours, String activity) {
        return "{\"memberId\":" + memberId + ",\"communityCode\":\"" + community + "\",\"date\":\"" + date
                + "\",\"hours\":" + hours + ",\"activity\":\"" + activity + "\"}";
    }

    private ResponseEntity<Map<String, Object>> post(String user, String body) {
        return rest.withBasicAuth(user, "demo").exchange("/api/checkins", HttpMethod.POST, json(body),
                new ParameterizedTypeReference<>() {
                });
    }

    private List<Map<String, Object>> totals(String user, String by, String month) {
        ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth(user, "demo").exchange(
                "/api/checkins/totals?by=" + by + "&month=" + month, HttpMethod.GET, null, TOTALS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
