package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.Roles;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;

/**
 * Agency members who log in (issue 15): their identity, their own services waiting for the secretary, claiming
 * the needs of their paired community (two at once: one wins), the secretary's confirmation, and that only confirmed
 * services count. Services are dated May 2025, a month no other test uses.
 */
@LianbanTest
class MemberServicesTest {

    private static final String MAY = "service_date BETWEEN DATE '2025-05-01' AND DATE '2025-05-31'";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    CheckinService checkins;

    long member;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM checkin WHERE " + MAY);
        jdbc.update("DELETE FROM checkin WHERE need_id IS NOT NULL");
        jdbc.update("DELETE FROM community_need");
        member = jdbc.queryForObject("SELECT id FROM agency_member WHERE login = 'member'", Long.class);
    }

    @Test
    void theDemoMembersLogInWithTheirRoleAgencyAndGrid() {
        Map<String, Object> m = jdbc.queryForMap("SELECT agency_code, grid_code FROM agency_member WHERE id = ?", member);
        assertThat(identity.createGroupQuery().groupMember("member").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Roles.AGENCY_MEMBER, "agency:" + m.get("AGENCY_CODE"),
                        "grid:" + m.get("GRID_CODE"));
        assertThat(identity.createGroupQuery().groupId("agency:" + m.get("AGENCY_CODE")).singleResult().getName())
                .endsWith("党委").doesNotContain("agency");
        String name = jdbc.queryForObject("SELECT name FROM agency_member WHERE id = ?", String.class, member);
        String page = new PageSession(rest, "member").get("/members/me").getBody();
        assertThat(page).contains("我的服务记录", "社区需求", "下沉党员", name);
        // both demo members serve the demo secretary's community
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agency_member m JOIN pairing p ON p.agency_code = "
                + "m.agency_code WHERE m.login IN ('member', 'member2') AND p.community_code = 'C-DL-01'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void twoClaimsAtOnceOneWinsTheOtherHearsItInChinese() throws Exception {
        long need = publish("secretary", "WISH", "为独居老人代购药品");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<String>>> claims = Stream.of("member", "member2")
                .map(login -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return api(login, HttpMethod.POST, "/api/members/me/needs/" + need + "/claim", null);
                })).toList();
        start.countDown();
        List<ResponseEntity<String>> answers = claims.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT).singleElement()
                .satisfies(a -> assertThat(a.getBody()).contains("该需求已被其他党员认领"));
        assertThat(jdbc.queryForObject("SELECT status FROM community_need WHERE id = ?", String.class, need))
                .isEqualTo("CLAIMED");
        // once claimed, it is no longer among the open needs
        assertThat(api("member", HttpMethod.GET, "/api/members/me/needs", null).getBody()).doesNotContain("为独居老人代购药品");
    }

    @Test
    void aClaimedNeedIsServedConfirmedAndOnlyThenCounted() {
        long need = publish("secretary", "SERVICE", "楼道清理");
        PageSession me = new PageSession(rest, "member");
        assertThat(me.get("/members/me").getBody()).contains("楼道清理", "服务需求");
        assertThat(me.post("/members/me/needs/" + need + "/claim", Map.of()).getBody())
                .contains("已认领「楼道清理」");
        String recorded = me.post("/members/me/services", Map.of("needId", List.of(String.valueOf(need)),
                "communityCode", List.of("C-DL-01"), "date", List.of("2025-05-06"), "hours", List.of("2.5"),
                "activity", List.of("清理三号楼楼道杂物"))).getBody();
        assertThat(recorded).contains("已提交服务记录，待社区书记确认。", "清理三号楼楼道杂物", "待确认", "需求：楼道清理");
        long id = jdbc.queryForObject("SELECT id FROM checkin WHERE " + MAY, Long.class);
        // served once: no second service for it while the first waits
        ResponseEntity<String> twice = api("member", HttpMethod.POST, "/api/members/me/services",
                "{\"needId\":" + need + ",\"date\":\"2025-05-07\",\"hours\":1,\"activity\":\"再次清理\"}");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(twice.getBody()).contains("未找到您认领且尚未登记服务的该需求");
        assertThat(jdbc.queryForObject("SELECT status FROM checkin WHERE id = ?", String.class, id)).isEqualTo("PENDING");
        assertThat(checkins.totalsByCommunity(java.time.YearMonth.of(2025, 5))).isEmpty();
        assertThat(checkins.totalsByMember(java.time.YearMonth.of(2025, 5))).isEmpty();

        PageSession secretary = new PageSession(rest, "secretary");
        assertThat(secretary.get("/checkins").getBody()).contains("待确认的党员服务", "清理三号楼楼道杂物");
        assertThat(secretary.post("/checkins/" + id + "/confirm", Map.of()).getBody()).contains("已确认");
        assertThat(checkins.totalsByCommunity(java.time.YearMonth.of(2025, 5))).singleElement()
                .satisfies(t -> assertThat(t.hours()).isEqualByComparingTo("2.5"));
        assertThat(jdbc.queryForObject("SELECT status FROM community_need WHERE id = ?", String.class, need))
                .isEqualTo("DONE");
        assertThat(me.get("/members/me").getBody()).contains("已确认");
        // decided once: a second confirmation is a Chinese 409
        assertThat(secretary.get("/checkins").getBody()).doesNotContain("清理三号楼楼道杂物");
        ResponseEntity<String> again = secretary.post("/checkins/" + id + "/confirm", Map.of());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("该服务已确认或退回");
    }

    @Test
    void aReturnedServiceNeedsAReasonAndIsNotCounted() {
        long id = report("member", "2025-05-08", "走访慰问");
        PageSession secretary = new PageSession(rest, "secretary");
        secretary.get("/checkins");
        ResponseEntity<String> noReason = secretary.post("/checkins/" + id + "/return", Map.of());
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("退回时请填写退回原因");
        secretary.post("/checkins/" + id + "/return", Map.of("reason", List.of("时长与签到记录不符")));
        assertThat(jdbc.queryForMap("SELECT status, return_reason FROM checkin WHERE id = ?", id))
                .containsEntry("STATUS", "RETURNED").containsEntry("RETURN_REASON", "时长与签到记录不符");
        assertThat(checkins.totalsByMember(java.time.YearMonth.of(2025, 5))).isEmpty();
        assertThat(new PageSession(rest, "member").get("/members/me").getBody())
                .contains("退回", "退回原因：时长与签到记录不符");
    }

    @Test
    void aMemberSeesOnlyHisOwnAndCannotConfirm() {
        long mine = report("member", "2025-05-09", "政策宣讲");
        long theirs = report("member2", "2025-05-09", "义诊服务");
        assertThat(api("member", HttpMethod.GET, "/api/members/me/services", null).getBody())
                .contains("政策宣讲").doesNotContain("义诊服务");
        // no confirmation by a member, nor the secretaries' page
        PageSession me = new PageSession(rest, "member");
        me.get("/members/me");
        ResponseEntity<String> confirm = me.post("/checkins/" + theirs + "/confirm", Map.of());
        assertThat(confirm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(confirm.getBody()).contains("仅限社区书记");
        assertThat(me.get("/checkins").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(me.get("/pairing/needs").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // another community's secretary does not find it
        PageSession other = new PageSession(rest, "secretary2");
        other.get("/checkins");
        ResponseEntity<String> elsewhere = other.post("/checkins/" + mine + "/confirm", Map.of());
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(elsewhere.getBody()).contains("未找到该服务记录");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin WHERE status = 'PENDING' AND " + MAY,
                Integer.class)).isEqualTo(2);
        // a secretary has no member page
        assertThat(new PageSession(rest, "secretary").get("/members/me").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aMemberSeesAndClaimsOnlyTheNeedsOfHisPairedCommunities() {
        String community = jdbc.queryForObject("SELECT MIN(p.community_code) FROM pairing p WHERE p.agency_code <>"
                + " (SELECT agency_code FROM agency_member WHERE login = 'member') AND p.community_code <> "
                + "(SELECT g.community_code FROM grid g JOIN agency_member m ON m.grid_code = g.code WHERE m.login = 'member')",
                String.class);
        long foreign = jdbc.queryForObject("SELECT id FROM community_need WHERE id = ?", Long.class,
                insertNeed(community, "别处的微心愿"));
        assertThat(api("member", HttpMethod.GET, "/api/members/me/needs", null).getBody()).doesNotContain("别处的微心愿");
        ResponseEntity<String> claim = api("member", HttpMethod.POST, "/api/members/me/needs/" + foreign + "/claim", null);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(claim.getBody()).contains("未找到该需求");
        // nor records a service there
        ResponseEntity<String> there = api("member", HttpMethod.POST, "/api/members/me/services",
                "{\"communityCode\":\"" + community + "\",\"date\":\"2025-05-10\",\"hours\":1,\"activity\":\"走访\"}");
        assertThat(there.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(there.getBody()).contains("只能在本人下沉网格所在社区或所在单位结对的社区登记服务");
        // and a secretary is refused the member's API
        assertThat(api("secretary", HttpMethod.GET, "/api/members/me/needs", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private long publish(String secretary, String kind, String title) {
        PageSession page = new PageSession(rest, secretary);
        page.get("/pairing/needs");
        assertThat(page.post("/pairing/needs", Map.of("kind", List.of(kind), "title", List.of(title),
                "description", List.of("请结对单位党员协助"))).getBody()).contains("已发布「" + title + "」", title);
        return jdbc.queryForObject("SELECT MAX(id) FROM community_need WHERE title = ?", Long.class, title);
    }

    private long insertNeed(String community, String title) {
        jdbc.update("INSERT INTO community_need (community_code, kind, title, description, published_by, published_at,"
                + " status) VALUES (?, 'WISH', ?, '说明', 'secretary', CURRENT_TIMESTAMP, 'OPEN')", community, title);
        return jdbc.queryForObject("SELECT MAX(id) FROM community_need WHERE title = ?", Long.class, title);
    }

    private long report(String login, String date, String activity) {
        ResponseEntity<String> created = api(login, HttpMethod.POST, "/api/members/me/services",
                "{\"communityCode\":\"C-DL-01\",\"date\":\"" + date + "\",\"hours\":2,\"activity\":\"" + activity + "\"}");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return jdbc.queryForObject("SELECT id FROM checkin WHERE activity = ? AND " + MAY, Long.class, activity);
    }

    private ResponseEntity<String> api(String login, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(login, "demo").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
