package cn.lianban.resident;

import static cn.lianban.resident.ResidentTexts.LINK;
import static cn.lianban.resident.ResidentTexts.texts;
import static cn.lianban.resident.ResidentTexts.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.ResidentQuota;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.rates.TicketRates;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;
import cn.lianban.support.Visitor;

/**
 * Residents who report a ticket with their mobile (issue #14): an SMS on every status change, the public status
 * page behind the last four digits of their phone, and their own 回访 through the rating link, which the 满意率 counts;
 * the secretary's rating on their behalf (代评) only once the link has lapsed.
 */
class ResidentTicketTest extends ProcessTestBase {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TicketDriver tickets;
    @Autowired
    Directory directory;
    @Autowired
    ObjectMapper json;
    @Autowired
    ResidentQuota quota;
    @Autowired
    TicketRates rates;
    @LocalServerPort
    int port;

    @BeforeEach
    void freshQuota() {
        quota.clear();
    }

    @Test
    void aTicketFromOpen311WithAPhoneTextsEveryStatusAndTheResidentRatesIt() throws Exception {
        String key = postOpen311("+86 139-1234-5678");
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        assertThat(pi).isWaitingAt("accept");
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已劝离摊贩并设置提示牌");
        driver.complete(pi, "confirm", "solved", true);
        assertThat(pi).isWaitingAt("rate");

        List<Map<String, Object>> sms = texts(jdbc, key);
        assertThat(sms).extracting(m -> m.get("PHONE")).containsOnly("13912345678");
        assertThat(sms).extracting(m -> (String) m.get("BODY")).satisfiesExactly(
                b -> assertThat(b).startsWith("【联办】您反映的问题 " + key + " 已受理").contains("/status/" + key),
                b -> assertThat(b).contains("已派至城市管理局，待接单"),
                b -> assertThat(b).contains("已由城市管理局接单办理"),
                b -> assertThat(b).contains("办理完毕，待社区确认"),
                b -> assertThat(b).contains("请在 7 天内评价").containsPattern(LINK));
        assertThat(sms).extracting(m -> (String) m.get("BODY"))
                .allSatisfy(b -> assertThat(b).doesNotContain("劝离", "社区书记", "网格员"));

        // the secretary waits for the resident while the link is valid
        assertThatThrownBy(() -> driver.complete(pi, "rate", "satisfaction", 3))
                .hasMessageContaining("已短信邀请反映人本人评价");

        String token = token(sms.get(4));
        Visitor resident = new Visitor(port);
        HttpResponse<String> page = resident.get("/rate/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(key, "城市管理局", "已劝离摊贩并设置提示牌", "提交评价");
        HttpResponse<String> rated = resident.postForm("/rate/" + token, Map.of("score", "5", "comment",
                "处理很及时", "_csrf", Visitor.csrf(page.body())));
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("感谢您的评价（5 分）");

        assertThat(pi).isEnded();
        assertThat(driver.events(key)).endsWith("RESIDENT_RATED", "CLOSED");
        // what the 满意率 counts: the CLOSED entry's score, here the resident's
        assertThat(jdbc.queryForObject("SELECT score FROM case_event WHERE business_key = ? AND action = 'CLOSED'",
                Integer.class, key)).isEqualTo(5);
        assertThat(jdbc.queryForMap("SELECT satisfaction, satisfaction_by, reporter_phone_last4 FROM ticket_case "
                + "WHERE business_key = ?", key)).containsEntry("SATISFACTION", 5)
                .containsEntry("SATISFACTION_BY", "RESIDENT").containsEntry("REPORTER_PHONE_LAST4", "5678");
        TicketRates.Rate urban = rates.rates(YearMonth.of(2026, 3), TicketRates.By.DEPT).stream()
                .filter(r -> r.key().equals("urban")).findFirst().orElseThrow();
        assertThat(urban.residentRated()).isPositive().isLessThanOrEqualTo(urban.rated());
        assertThat(texts(jdbc, key)).hasSize(6).last().extracting(m -> (String) m.get("BODY")).asString()
                .contains("已办结");

        HttpResponse<String> again = resident.get("/rate/" + token);
        assertThat(again.statusCode()).as("one use").isEqualTo(404);
        assertThat(again.body()).contains("评价链接无效或已过期");
    }

    @Test
    void aTicketWithoutPhoneSendsNoTextAndTheSecretaryRatesItAsProxy() {
        ProcessInstance pi = tickets.raise();
        walkToRating(pi);
        driver.complete(pi, "rate", "satisfaction", 4);
        assertThat(pi).isEnded();
        assertThat(texts(jdbc, pi.getBusinessKey())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT satisfaction_by FROM ticket_case WHERE business_key = ?", String.class,
                pi.getBusinessKey())).isEqualTo("PROXY");
        assertThat(jdbc.queryForObject("SELECT detail FROM case_event WHERE business_key = ? AND action = 'CLOSED'",
                String.class, pi.getBusinessKey())).isEqualTo("已解决，满意度 4（代评）");
    }

    @Test
    void afterSevenDaysWithoutTheResidentTheSecretaryRatesAndTheLinkIsDead() throws Exception {
        ProcessInstance pi = tickets.raise("reporterPhone", "13800001234");
        walkToRating(pi);
        String token = token(texts(jdbc, pi.getBusinessKey()).get(4));
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime()
                + Duration.ofDays(7).plusMinutes(1).toMillis()));
        driver.complete(pi, "rate", "satisfaction", 3);
        assertThat(pi).isEnded();
        assertThat(jdbc.queryForObject("SELECT satisfaction_by FROM ticket_case WHERE business_key = ?", String.class,
                pi.getBusinessKey())).isEqualTo("PROXY");
        assertThat(new Visitor(port).get("/rate/" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void aPhoneThatIsNoMobileNumberIsRefusedInChinese() {
        assertThatThrownBy(() -> tickets.raise("reporterPhone", "0535-1234567"))
                .hasMessageContaining("反映人手机号须为 11 位手机号码");
    }

    @Test
    void theStatusPageShowsTheTicketOnlyForTheLastFourDigitsAndTellsNothingOtherwise() throws Exception {
        ProcessInstance withPhone = tickets.raise("reporterPhone", "138 0000 4321");
        driver.complete(withPhone, "accept", "accepted", true);
        String key = withPhone.getBusinessKey();
        String noPhone = tickets.raise().getBusinessKey();

        Visitor resident = new Visitor(port);
        HttpResponse<String> form = resident.get("/status/" + key);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("手机号的后四位").doesNotContain("城市管理局");

        String wrong = lookup(resident, key, "1234");
        String unknown = lookup(resident, "TK-2026-999999", "4321");
        String without = lookup(resident, noPhone, "0000");
        for (String refused : List.of(wrong, unknown, without)) {
            assertThat(refused).contains(ResidentPages.NOT_FOUND).doesNotContain("城市管理局", "占道经营", "办理中");
        }

        String shown = lookup(resident, key, "4321");
        assertThat(shown).contains("办理中", "城市管理局", "占道经营", "办理期限", "承办部门已接单", "问题已登记受理")
                .containsPattern("2026年3月\\d+日 \\d\\d:\\d\\d")
                .doesNotContain(ResidentPages.NOT_FOUND, "13800004321", "华山路菜市场东门", "菜市场门口");
        assertThat(ISO_DATE.matcher(shown).find()).as("no ISO dates").isFalse();
    }

    @Test
    void theJsonVariantAnswersTheSameWay() throws Exception {
        String key = tickets.raise("reporterPhone", "13800008765").getBusinessKey();
        String noPhone = tickets.raise().getBusinessKey();
        ResponseEntity<String> shown = json(key, "{\"last4\": \"8765\"}");
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        JsonNode ticket = json.readTree(shown.getBody());
        assertThat(ticket.get("statusLabel").asText()).isEqualTo("待接单");
        assertThat(ticket.get("deptName").asText()).isEqualTo("城市管理局");
        assertThat(ticket.get("steps")).isNotEmpty();
        assertThat(shown.getBody()).doesNotContain("13800008765", "菜市场门口");

        ResponseEntity<String> wrong = json(key, "{\"last4\": \"1111\"}");
        ResponseEntity<String> unknown = json("TK-2026-999998", "{\"last4\": \"8765\"}");
        ResponseEntity<String> without = json(noPhone, "{\"last4\": \"8765\"}");
        for (ResponseEntity<String> refused : List.of(wrong, unknown, without)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(404);
            assertThat(refused.getBody()).isEqualTo(wrong.getBody()).contains("not_found");
        }
        assertThat(json(key, "{\"last4\": \"87\"}").getStatusCode().value()).isEqualTo(400);
    }

    private ResponseEntity<String> json(String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity("/api/status/" + key, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void guessesAreLimitedPerTicket() throws Exception {
        String key = tickets.raise("reporterPhone", "13800004321").getBusinessKey();
        Visitor guesser = new Visitor(port);
        for (int i = 0; i < 20; i++) {
            lookup(guesser, key, "%04d".formatted(i));
        }
        HttpResponse<String> refused = post(guesser, key, "4321");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("请稍后再试").doesNotContain("城市管理局");
    }

    private void walkToRating(ProcessInstance pi) {
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        assertThat(pi).isWaitingAt("rate");
    }

    private String lookup(Visitor visitor, String key, String last4) throws Exception {
        HttpResponse<String> answer = post(visitor, key, last4);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> post(Visitor visitor, String key, String last4) throws Exception {
        String csrf = Visitor.csrf(visitor.get("/status").body());
        return visitor.postForm("/status", Map.of("key", key, "last4", last4, "_csrf", csrf));
    }

    private String postOpen311(String phone) throws Exception {
        Community a = directory.community("C-DL-01").orElseThrow();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "demo-key");
        form.add("service_code", "R-001");
        form.add("description", "菜市场门口有流动摊贩占道经营，影响通行");
        form.add("lat", String.valueOf(a.lat()));
        form.add("long", String.valueOf(a.lon()));
        form.add("phone", phone);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> posted = rest.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>(form, headers), String.class);
        assertThat(posted.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = json.readTree(posted.getBody());
        return answer.get(0).get("service_request_id").asText();
    }
}
