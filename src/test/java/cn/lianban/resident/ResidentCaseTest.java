package cn.lianban.resident;

import static cn.lianban.resident.ResidentTexts.LINK;
import static cn.lianban.resident.ResidentTexts.texts;
import static cn.lianban.resident.ResidentTexts.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.Visitor;

/**
 * Residents who report a joint-handling case (issue #14): a case filed with their mobile texts them each status,
 * and on 已销号 the rating link; their rating, through {@code /rate/{token}}, is the case's satisfaction instead of
 * the community's 评价销号 score (代评), on the case page and in the case list export.
 */
class ResidentCaseTest extends ProcessTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void aCaseFiledWithAPhoneTextsEveryStatusAndTheResidentRatesIt() throws Exception {
        ProcessInstance pi = driver.walkYellowCaseToClosure("reporterPhone", "+86 139-1234-5678");
        assertThat(pi).isEnded();
        String key = pi.getBusinessKey();

        List<Map<String, Object>> sms = texts(jdbc, key);
        assertThat(sms).extracting(m -> m.get("PHONE")).containsOnly("13912345678");
        assertThat(sms).extracting(m -> m.get("KIND")).containsOnly("CASE_STATUS");
        assertThat(sms).extracting(m -> (String) m.get("BODY")).satisfiesExactly(
                b -> assertThat(b).isEqualTo("【联办】您反映的问题 " + key + " 已登记受理，正在评级。"),
                b -> assertThat(b).isEqualTo("【联办】您反映的问题 " + key + " 已进入联席会商。"),
                b -> assertThat(b).isEqualTo("【联办】您反映的问题 " + key + " 已进入办理。"),
                b -> assertThat(b).isEqualTo("【联办】您反映的问题 " + key + " 已办理完毕，待社区评价销号。"),
                b -> assertThat(b).startsWith("【联办】您反映的问题 " + key + " 已办结销号，请在 7 天内评价办理结果：")
                        .containsPattern(LINK));
        assertThat(sms).extracting(m -> (String) m.get("BODY"))
                .allSatisfy(b -> assertThat(b).doesNotContain("已维修", "住建", "路灯", "社区书记"));

        String token = token(sms.get(4));
        Visitor resident = new Visitor(port);
        HttpResponse<String> page = resident.get("/rate/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("案件编号", key, "小区路灯损坏", "提交评价").doesNotContain("已维修");
        HttpResponse<String> rated = resident.postForm("/rate/" + token, Map.of("score", "4", "comment",
                " 修得及时 ", "_csrf", Visitor.csrf(page.body())));
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("感谢您的评价（4 分）", "本案的满意度");

        assertThat(jdbc.queryForMap("SELECT community_satisfaction, resident_satisfaction, resident_comment, "
                + "satisfaction_by FROM issue_summary WHERE business_key = ?", key))
                .containsEntry("COMMUNITY_SATISFACTION", 5).containsEntry("RESIDENT_SATISFACTION", 4)
                .containsEntry("RESIDENT_COMMENT", "修得及时").containsEntry("SATISFACTION_BY", "RESIDENT");
        assertThat(driver.events(key)).endsWith("RESIDENT_RATED");

        String casePage = rest.withBasicAuth("secretary", "demo").getForObject("/cases/" + key, String.class);
        assertThat(casePage).contains("居民评价", "4 分（计入满意度）：修得及时", "社区评价（代评）", "5 分", "短信通知");
        // the case list export: the case's 满意度 is the resident's, the community's is kept beside it
        List<String> header = csv().get(0);
        List<String> row = csv().stream().filter(r -> r.get(0).equals(key)).findFirst().orElseThrow();
        assertThat(row.get(header.indexOf("满意度"))).isEqualTo(jdbc.queryForObject(
                "SELECT resident_satisfaction FROM issue_summary WHERE business_key = ?", Integer.class, key) + " 分");
        assertThat(row.get(header.indexOf("居民评价"))).isEqualTo("4 分");
        assertThat(row.get(header.indexOf("社区评价（代评）"))).isEqualTo("5 分");

        HttpResponse<String> again = resident.get("/rate/" + token);
        assertThat(again.statusCode()).as("one use").isEqualTo(404);
        assertThat(again.body()).contains("评价链接无效或已过期");
    }

    @Test
    void aLinkLapsesAfterSevenDaysAndTheCommunitysScoreStaysTheCases() throws Exception {
        ProcessInstance pi = driver.walkYellowCaseToClosure("reporterPhone", "13912345678");
        String token = token(texts(jdbc, pi.getBusinessKey()).get(4));
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime()
                + Duration.ofDays(7).plusMinutes(1).toMillis()));
        assertThat(new Visitor(port).get("/rate/" + token).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForMap("SELECT resident_satisfaction, satisfaction_by FROM issue_summary "
                + "WHERE business_key = ?", pi.getBusinessKey())).containsEntry("RESIDENT_SATISFACTION", null)
                .containsEntry("SATISFACTION_BY", "PROXY");
        String casePage = rest.withBasicAuth("secretary", "demo").getForObject("/cases/" + pi.getBusinessKey(),
                String.class);
        assertThat(casePage).contains("社区评价（代评）", "5 分（计入满意度）").doesNotContain(">居民评价<");
    }

    @Test
    void aCaseMergedIntoAnotherNamesItAndGetsNoLink() {
        ProcessInstance merged = driver.file("category", "ELDERLY", "communityCode", driver.sameAreaAsCommunityA(),
                "title", "老年食堂不够用", "reporterPhone", "13912345678");
        driver.complete(merged, "rate", "color", "GREEN");
        ProcessInstance main = driver.file("category", "ELDERLY");
        driver.complete(main, "rate", "color", "GREEN", "mergeCases", List.of(merged.getBusinessKey()));
        assertThat(merged).isEnded();

        List<Map<String, Object>> sms = texts(jdbc, merged.getBusinessKey());
        assertThat(sms).extracting(m -> (String) m.get("BODY")).last().asString()
                .isEqualTo("【联办】您反映的问题 " + merged.getBusinessKey() + " 已并入 " + main.getBusinessKey() + " 一并办理。");
        assertThat(sms).extracting(m -> (String) m.get("BODY")).noneMatch(b -> b.contains("/rate/"));
        assertThat(texts(jdbc, main.getBusinessKey())).as("the main case was filed without a phone").isEmpty();
    }

    @Test
    void aCaseWithoutAPhoneTextsNobody() {
        ProcessInstance pi = driver.walkYellowCaseToClosure();
        assertThat(pi).isEnded();
        assertThat(texts(jdbc, pi.getBusinessKey())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_rating WHERE business_key = ?", Integer.class,
                pi.getBusinessKey())).isZero();
    }

    @Test
    void aPhoneNoSmsReachesIsRefusedInChinese() {
        assertThatThrownBy(() -> driver.file("reporterPhone", "0535-1234567"))
                .hasMessageContaining("反映人手机号须为 11 位手机号码");
    }

    private List<List<String>> csv() {
        ResponseEntity<byte[]> answer = rest.withBasicAuth("center", "demo").getForEntity(
                "/dashboard/export/cases.csv?month=2026-03", byte[].class);
        return new String(answer.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines()
                .map(l -> List.of(l.split(",", -1))).toList();
    }
}
