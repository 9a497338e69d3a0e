package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.support.LianbanTest;

/**
 * 活动 over HTTP in the shared application: residents list, sign up and cancel anonymously, units publish;
 * the contract's 400 body, 404, 409, 401 and 403; concurrent sign-ups; the public pages. Each test publishes
 * its own activities (ten days ahead) at test venues inserted here.
 */
@LianbanTest
class ActivityApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    LocalDate day;

    @BeforeEach
    void setUp() {
        ActivityDb.insertVenues(jdbc);
        day = LocalDate.now(WorkingCalendar.ZONE).plusDays(10);
    }

    @Test
    void capacityTwoFourSignUpsThenCancellations() {
        long id = publish("secretary", "社区书法班", 2);

        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ResponseEntity<Map<String, Object>> answer = signUp(id, "张" + i, ActivityScenarios.phone(i));
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            answers.add(answer.getBody());
        }
        assertThat(answers).extracting(a -> a.get("status"), a -> a.get("position"), a -> a.get("waitlistPosition"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONFIRMED", 1, null),
                        org.assertj.core.groups.Tuple.tuple("CONFIRMED", 2, null),
                        org.assertj.core.groups.Tuple.tuple("WAITLISTED", 3, 1),
                        org.assertj.core.groups.Tuple.tuple("WAITLISTED", 4, 2));
        assertThat(answers.get(0).get("id")).isInstanceOf(Number.class);
        assertThat(answers).extracting(a -> (String) a.get("code")).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("S-[2-9A-HJKMNP-Z]{8}"));

        Map<String, Object> listed = rest.exchange("/api/activities", HttpMethod.GET, null, LIST).getBody().stream()
                .filter(a -> ((Number) a.get("id")).longValue() == id).findFirst().orElseThrow();
        assertThat(listed).containsEntry("title", "社区书法班").containsEntry("venueCode", ActivityDb.HALL)
                .containsEntry("venueName", "测试党群服务中心活动室").containsEntry("startsAt", day + "T09:00:00")
                .containsEntry("endsAt", day + "T11:00:00").containsEntry("capacity", 2).containsEntry("confirmed", 2)
                .containsEntry("waitlisted", 2).containsEntry("status", "PUBLISHED");
        assertThat(rest.getForEntity("/api/activities?venue=" + ActivityDb.ROOM, String.class).getBody())
                .doesNotContain("社区书法班");

        ResponseEntity<Map<String, Object>> twice = signUp(id, "张二", ActivityScenarios.phone(2));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody()).containsEntry("error", "already_signed_up").containsKey("message");

        // a waitlisted one cancels: nobody promoted, order kept
        assertThat(cancel(id, code(answers, 4), ActivityScenarios.phone(4)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(statuses(id)).containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED", "CANCELLED");
        // a confirmed one cancels: the first waitlisted is promoted
        assertThat(cancel(id, code(answers, 1), ActivityScenarios.phone(1)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(statuses(id)).containsExactly("CANCELLED", "CONFIRMED", "CONFIRMED", "CANCELLED");
        assertThat(activity(id)).containsEntry("confirmed", 2).containsEntry("waitlisted", 0)
                .containsEntry("placesLeft", 0);

        assertThat(cancel(id, code(answers, 1), ActivityScenarios.phone(1)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.exchange("/api/activities/" + id + "/signups", HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cancel(id, code(answers, 2), "12345").getBody()).contains("\"error\":\"invalid_signup\"");
    }

    @Test
    void cancellingTakesTheCodeWithThePhoneAndAnswersAlikeForAWrongOne() {
        long id = publish("secretary", "读书分享会", 5);
        String code = (String) signUp(id, "赵一", "13900000011").getBody().get("code");

        ResponseEntity<String> wrongPhone = cancel(id, code, "13900000012");
        ResponseEntity<String> unknownCode = cancel(id, "S-22222222", "13900000011");
        assertThat(wrongPhone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongPhone.getBody()).as("nothing tells whether the number signed up")
                .isEqualTo(unknownCode.getBody()).contains("signup_not_found").doesNotContain("13900000011");
        ResponseEntity<String> phoneAlone = rest.exchange("/api/activities/" + id + "/signups?phone=13900000011",
                HttpMethod.DELETE, null, String.class);
        assertThat(phoneAlone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(phoneAlone.getBody()).contains("报名号（code）");
        assertThat(statuses(id)).containsExactly("CONFIRMED");

        assertThat(cancel(id, code, "13900000011").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(statuses(id)).containsExactly("CANCELLED");
    }

    @Test
    void onePhoneSignsUpAtMostTheHourlyLimit() {
        long id = publish("secretary", "广场舞教学", 5);
        String phone = "13900000099";
        int limit = 20; // lianban.residents.per-phone-per-hour in the test profile
        for (int i = 0; i < limit; i++) {
            ResponseEntity<Map<String, Object>> answer = signUp(id, "钱一", phone);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(cancel(id, (String) answer.getBody().get("code"), phone).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        ResponseEntity<Map<String, Object>> refused = signUp(id, "钱一", phone);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getBody()).containsOnlyKeys("error", "message").containsEntry("error", "too_many_requests")
                .containsEntry("message", "同一手机号每小时最多报名 20 次，请稍后再试。");
        assertThat(statuses(id)).hasSize(limit).containsOnly("CANCELLED");
        assertThat(signUp(id, "孙二", "13900000098").getStatusCode()).as("other numbers go on")
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void unknownActivitiesAre404WithTheErrorBody() {
        long none = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1000 FROM activity", Long.class);
        ResponseEntity<Map<String, Object>> one = rest.exchange("/api/activities/" + none, HttpMethod.GET, null, OBJECT);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(one.getBody()).containsEntry("error", "activity_not_found");
        assertThat(signUp(none, "张三", "13800000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(cancel(none, "S-22222222", "13800000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/activities/abc", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void badSignUpsAre400WithTheContractBodyAndStoreNothing() {
        long id = publish("secretary", "健康讲座", 5);
        expect400(id, "{\"name\":\"张三\"}", "invalid_signup", "phone");
        expect400(id, "{\"phone\":\"13800000001\"}", "invalid_signup", "name");
        expect400(id, "{\"name\":\" \",\"phone\":\"13800000001\"}", "invalid_signup", "name");
        expect400(id, "{\"name\":\"张三\",\"phone\":\"1380000000\"}", "invalid_signup", "phone");
        expect400(id, "{\"name\":\"张三\",\"phone\":\"23800000001\"}", "invalid_signup", "phone");
        expect400(id, "{\"name\":\"张三\",\"phone\":\"13800000001\",\"age\":70}", "malformed_json", "age");
        expect400(id, "{\"name\":\"张三\",", "malformed_json", "JSON");
        expect400(id, "[1]", "malformed_json", "JSON");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signup WHERE activity_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void concurrentSignUpsNeverExceedTheCapacity() throws Exception {
        long id = publish("secretary", "抢名额的讲座", 3);
        List<ResponseEntity<Map<String, Object>>> answers = ActivityScenarios.together(10,
                i -> signUp(id, "居民" + i, ActivityScenarios.phone(100 + i)));
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.CREATED));
        List<Map<String, Object>> bodies = answers.stream().map(ResponseEntity::getBody).toList();
        assertThat(bodies).filteredOn(b -> "CONFIRMED".equals(b.get("status"))).hasSize(3);
        assertThat(bodies).extracting(b -> ((Number) b.get("position")).longValue())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(bodies).filteredOn(b -> "WAITLISTED".equals(b.get("status"))).extracting(b -> b.get("waitlistPosition"))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 7).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signup WHERE activity_id = ? AND status = 'CONFIRMED'",
                Integer.class, id)).isEqualTo(3);
        assertThat(activity(id)).containsEntry("confirmed", 3).containsEntry("waitlisted", 7);
    }

    @Test
    void unitsPublishForThemselvesOnly() {
        ResponseEntity<Map<String, Object>> created = post("secretary", "/api/activities", body("读书会", null, 10));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("unitGroup", "community:C-DL-01").containsEntry("confirmed", 0)
                .containsEntry("status", "PUBLISHED");

        ResponseEntity<Map<String, Object>> refused = post("secretary2", "/api/activities",
                body("冒名的活动", "community:C-DL-01", 10));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("error", "forbidden").containsKey("message");
        assertThat(post("gridworker", "/api/activities", body("冒名的活动", null, 10)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.exchange("/api/activities", HttpMethod.POST, json(body("冒名的活动", null, 10)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE title = '冒名的活动'", Integer.class)).isZero();

        assertThat(post("secretary2", "/api/activities", body("新建社区议事会", "community:C-XJ-01", 10))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("center", "/api/activities", body("全市志愿服务培训", null, 10)).getBody())
                .containsEntry("unitGroup", "city-center");

        ResponseEntity<Map<String, Object>> bad = post("secretary", "/api/activities", body("", null, 10));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).containsEntry("error", "invalid_activity");
        assertThat((String) bad.getBody().get("message")).contains("title");
        ResponseEntity<Map<String, Object>> badTime = post("secretary", "/api/activities",
                body("读书会", null, 10).replace(day + "T09:00", day + "T9点"));
        assertThat(badTime.getBody()).containsEntry("error", "malformed_json");
        assertThat((String) badTime.getBody().get("message")).contains("startsAt");
    }

    @Test
    void theSignUpListAndAttendanceBelongToThePublishingUnit() {
        long id = publish("secretary", "义诊", 1);
        signUp(id, "王一", "13900000001");
        signUp(id, "王二", "13900000002");
        assertThat(rest.getForEntity("/api/activities/" + id + "/signups", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("secretary2", "demo").getForEntity("/api/activities/" + id + "/signups",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        List<Map<String, Object>> list = rest.withBasicAuth("secretary", "demo")
                .exchange("/api/activities/" + id + "/signups", HttpMethod.GET, null, LIST).getBody();
        assertThat(list).extracting(s -> s.get("name"), s -> s.get("status"), s -> s.get("waitlistPosition"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("王一", "CONFIRMED", null),
                        org.assertj.core.groups.Tuple.tuple("王二", "WAITLISTED", 1));
        // the activity is ten days ahead: attendance is refused until its day
        ResponseEntity<Map<String, Object>> early = post("secretary", "/api/activities/" + id + "/attendance",
                "{\"phone\":\"13900000001\"}");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody()).containsEntry("error", "not_started");
        assertThat(rest.exchange("/api/activities/" + id + "/attendance", HttpMethod.POST,
                json("{\"phone\":\"13900000001\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(rest.exchange("/api/activities/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("secretary2", "demo").exchange("/api/activities/" + id, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("secretary", "demo").exchange("/api/activities/" + id, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(activity(id)).containsEntry("status", "CANCELLED");
        assertThat(rest.getForEntity("/api/activities", String.class).getBody()).doesNotContain("\"id\":" + id + ",");
        assertThat(signUp(id, "王三", "13900000003").getBody()).containsEntry("error", "signup_closed");
    }

    @Test
    void thePublicPageSignsUpWaitlistsAndCancelsWithoutALogin() {
        long id = publish("secretary", "重阳节登山", 1);
        Browser browser = new Browser();
        ResponseEntity<String> page = browser.get("/activities");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("重阳节登山", "已报名 <strong>0</strong> 人", "name=\"_csrf\"",
                "action=\"/activities/" + id + "/signup\"", "action=\"/activities/" + id + "/cancel\"");

        String signedUp = browser.post("/activities/" + id + "/signup", Map.of("name", "李一", "phone", "13700000001"))
                .getBody();
        assertThat(signedUp).contains("报名成功", "重阳节登山", "测试党群服务中心活动室", "报名号");
        Matcher code = Pattern.compile("id=\"signup-code\">(S-[^<]+)<").matcher(signedUp);
        assertThat(code.find()).isTrue();
        browser.get("/activities");
        assertThat(browser.post("/activities/" + id + "/signup", Map.of("name", "李二", "phone", "13700000002"))
                .getBody()).contains("已进入候补第1位");

        browser.get("/activities");
        ResponseEntity<String> bad = browser.post("/activities/" + id + "/signup", Map.of("name", "李三", "phone", "1370000"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("手机号应为 1 开头的 11 位数字", "value=\"李三\"", "value=\"1370000\"")
                .doesNotContain("（phone）");
        ResponseEntity<String> twice = browser.post("/activities/" + id + "/signup",
                Map.of("name", "李一", "phone", "13700000001"));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody()).contains("已报名此活动");

        browser.get("/activities");
        ResponseEntity<String> phoneAlone = browser.post("/activities/" + id + "/cancel",
                Map.of("phone", "13700000001"));
        assertThat(phoneAlone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(phoneAlone.getBody()).contains("报名号不能为空").doesNotContain("（code）");
        browser.get("/activities");
        assertThat(browser.post("/activities/" + id + "/cancel", Map.of("code", code.group(1),
                "phone", "13700000001")).getBody()).contains("已取消报名");
        assertThat(statuses(id)).containsExactly("CANCELLED", "CONFIRMED");
        assertThat(browser.get("/activities").getBody()).contains("已报名 <strong>1</strong> 人");
        // the result page without a form just sent leads back to the list
        ResponseEntity<String> reloaded = browser.get("/activities/result");
        if (reloaded.getStatusCode().is3xxRedirection()) {
            assertThat(reloaded.getHeaders().getLocation().getPath()).isEqualTo("/activities");
        } else {
            assertThat(reloaded.getBody()).contains("重阳节登山").doesNotContain("已取消报名");
        }

        // a form without the CSRF token is refused
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "李四");
        form.add("phone", "13700000004");
        assertThat(rest.exchange("/activities/" + id + "/signup", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(statuses(id)).hasSize(2);
    }

    // ------------------------------------------------------------------ helpers

    private String body(String title, String unitGroup, int capacity) {
        return "{\"title\":\"" + title + "\",\"description\":\"欢迎居民参加\",\"venueCode\":\"" + ActivityDb.HALL + "\","
                + (unitGroup == null ? "" : "\"unitGroup\":\"" + unitGroup + "\",")
                + "\"startsAt\":\"" + day + "T09:00:00\",\"endsAt\":\"" + day + "T11:00:00\",\"capacity\":" + capacity + "}";
    }

    private long publish(String user, String title, int capacity) {
        ResponseEntity<Map<String, Object>> created = post(user, "/api/activities", body(title, null, capacity));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private Map<String, Object> activity(long id) {
        return rest.exchange("/api/activities/" + id, HttpMethod.GET, null, OBJECT).getBody();
    }

    private List<String> statuses(long id) {
        return jdbc.queryForList("SELECT status FROM signup WHERE activity_id = ? ORDER BY position", String.class, id);
    }

    private ResponseEntity<Map<String, Object>> signUp(long id, String name, String phone) {
        return rest.exchange("/api/activities/" + id + "/signups", HttpMethod.POST,
                json("{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}"), OBJECT);
    }

    private ResponseEntity<String> cancel(long id, String code, String phone) {
        return rest.exchange("/api/activities/" + id + "/signups?code=" + code + "&phone=" + phone, HttpMethod.DELETE,
                null, String.class);
    }

    /** The code of the i-th answer (1-based). */
    private static String code(List<Map<String, Object>> answers, int i) {
        return (String) answers.get(i - 1).get("code");
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, String body) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, json(body), OBJECT);
    }

    private void expect400(long id, String body, String code, String field) {
        ResponseEntity<Map<String, Object>> answer = rest.exchange("/api/activities/" + id + "/signups",
                HttpMethod.POST, json(body), OBJECT);
        assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).as(body).containsEntry("error", code);
        assertThat((String) answer.getBody().get("message")).as(body).contains(field);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** A resident's browser without a login: one session cookie, the CSRF token of the last page. */
    private class Browser {
        private final Pattern csrfField = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        private String cookie;
        private String csrf;

        ResponseEntity<String> get(String path) {
            ResponseEntity<String> page = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
            remember(page);
            return page;
        }

        ResponseEntity<String> post(String path, Map<String, String> fields) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            fields.forEach(form::add);
            form.add("_csrf", csrf);
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
                    String.class);
            remember(answer);
            return answer.getStatusCode().is3xxRedirection() ? get(answer.getHeaders().getLocation().toString()) : answer;
        }

        private HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            if (cookie != null) {
                headers.add(HttpHeaders.COOKIE, cookie);
            }
            return headers;
        }

        private void remember(ResponseEntity<String> answer) {
            answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
            Matcher m = csrfField.matcher(answer.getBody() == null ? "" : answer.getBody());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }
}
