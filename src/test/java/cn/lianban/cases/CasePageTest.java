package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.EngineClock;
import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * The case page, its JSON and 我的事项, on a yellow case of community A walked by its people through rating,
 * meeting, co-handling, an escalation, a dissatisfied evaluation and closing; a ticket of community A returned,
 * redispatched and closed; and an unrated case of community B.
 */
@LianbanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePageTest {

    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern CSRF_IN_ACTION = Pattern.compile("attachments\\?_csrf=([^\"&]+)\"");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;
    @Autowired
    AsUser users;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private String caseA;
    private String ticketA;
    private String caseB;
    private String greenA;

    @BeforeAll
    void walkCasesAsTheirPeople() {
        ProcessInstance pi = users.as("secretary", () -> driver.file("title", "老旧小区楼道堆物清理",
                "description", "5号楼楼道长期堆放杂物，存在消防隐患，需住建和城管共同处理"));
        caseA = pi.getBusinessKey();
        work("committee", pi, "rate", "color", "YELLOW", "overrideReason", "需住建、城管两个部门协同");
        users.run("committee", () -> driver.scheduleMeeting(pi));
        String tomorrow = EngineClock.now().toLocalDate().plusDays(1).toString();
        work("committee", pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", tomorrow,
                "minutes", "住建局牵头清理，城管局配合执法");
        work("urban", pi, "assist", "assistResult", "已派执法队员到场");
        work("housing", pi, "handle", "result", "物业拒绝配合，需街道协调", "resolved", false);
        work("committee", pi, "approveEscalation", "approved", true, "comment", "同意提交街道");
        users.run("street", () -> driver.scheduleMeeting(pi));
        work("street", pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", tomorrow,
                "minutes", "街道约谈物业，住建局督办");
        work("housing", pi, "handle", "result", "杂物已清空", "resolved", true);
        work("secretary", pi, "evaluate", "satisfied", false, "satisfaction", 2L);
        work("housing", pi, "handle", "result", "加装禁止堆物标识并每周巡查", "resolved", true);
        work("secretary", pi, "evaluate", "satisfied", true, "satisfaction", 5L);

        ProcessInstance ticket = users.as("gridworker", () -> tickets.raise());
        ticketA = ticket.getBusinessKey();
        work("urban", ticket, "accept", "accepted", false, "returnReason", "属于住建部门职责");
        work("street", ticket, "redispatch", "deptCode", "housing");
        work("housing", ticket, "accept", "accepted", true);
        work("housing", ticket, "resolve", "result", "已清理占道物品");
        work("secretary", ticket, "confirm", "solved", true);
        work("secretary", ticket, "rate", "satisfaction", 5L);

        // green: the community handles it; the category's department is only proposed and never dispatched
        ProcessInstance green = users.as("secretary", () -> driver.file("title", "楼前路灯不亮"));
        greenA = green.getBusinessKey();
        work("committee", green, "rate", "color", "GREEN");

        caseB = users.as("secretary2", () -> driver.file("communityCode", "C-XJ-01", "title", "社区B的路灯"))
                .getBusinessKey();
    }

    @Test
    void theCaseJsonTellsTheWholeStoryInChineseWithNames() throws IOException {
        JsonNode c = getJson("secretary", "/api/cases/" + caseA);
        assertThat(names(c)).containsExactlyInAnyOrder("businessKey", "process", "title", "description",
                "communityCode", "communityName", "status", "statusLabel", "color", "level", "deptCode", "deptName",
                "dueAt", "timeLight", "events", "attachments", "merges");
        assertThat(c.get("process").asText()).isEqualTo("joint-handling");
        assertThat(c.get("title").asText()).isEqualTo("老旧小区楼道堆物清理");
        assertThat(c.get("communityCode").asText()).isEqualTo("C-DL-01");
        assertThat(c.get("communityName").asText()).isEqualTo(community("C-DL-01"));
        assertThat(c.get("status").asText()).isEqualTo("CLOSED");
        assertThat(c.get("statusLabel").asText()).isEqualTo("已销号");
        assertThat(c.get("color").asText()).isEqualTo("YELLOW");
        assertThat(c.get("level").asInt()).isEqualTo(4);
        assertThat(c.get("deptCode").isNull()).isTrue();
        assertThat(c.get("timeLight").isNull()).as("no light once closed").isTrue();
        assertThat(c.get("dueAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T18:00:00\\+08:00");

        List<JsonNode> events = list(c.get("events"));
        assertThat(events).extracting(e -> e.get("action").asText()).containsSubsequence("FILED", "RATING_OVERRIDE",
                "ASSIGNED", "MEETING_CONVENED", "MEETING", "ASSISTED", "HANDLED", "ESCALATION_REQUESTED",
                "ESCALATION_APPROVED", "ESCALATED", "MEETING_CONVENED", "MEETING", "HANDLED", "EVALUATED", "REOPENED",
                "HANDLED", "EVALUATED", "CLOSED").contains("MAIL");
        for (JsonNode e : events) {
            assertThat(e.get("actionLabel").asText()).as(e.get("action").asText()).matches(".*\\p{IsHan}.*");
            assertThat(e.get("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
            assertThat(names(e)).containsExactlyInAnyOrder("at", "actor", "actorName", "action", "actionLabel", "note");
        }
        check(event(events, "FILED"), e -> {
            assertThat(e.get("actor").asText()).isEqualTo("secretary");
            assertThat(e.get("actorName").asText()).isEqualTo(person("secretary")).isNotEqualTo("secretary");
            assertThat(e.get("actionLabel").asText()).isEqualTo("提报");
        });
        check(event(events, "RATING_OVERRIDE"), e -> {
            assertThat(e.get("actorName").asText()).isEqualTo(person("committee"));
            assertThat(e.get("note").asText()).contains("绿色 → 黄色").contains("需住建、城管两个部门协同");
        });
        assertThat(event(events, "MEETING").get("note").asText()).contains("住房和城乡建设局").contains("城市管理局")
                .contains("住建局牵头清理，城管局配合执法").doesNotContain("housing").doesNotContain("[");
        check(event(events, "ASSISTED"), e -> {
            assertThat(e.get("actorName").asText()).isEqualTo(person("urban"));
            assertThat(e.get("note").asText()).contains("城市管理局").contains("已派执法队员到场");
        });
        assertThat(event(events, "HANDLED").get("note").asText()).contains("未解决").contains("物业拒绝配合");
        check(event(events, "ESCALATION_REQUESTED"), e -> {
            assertThat(e.get("actor").asText()).isEqualTo("system");
            assertThat(e.get("actorName").asText()).isEqualTo("系统");
            assertThat(e.get("actionLabel").asText()).isEqualTo("申请升级");
            assertThat(e.get("note").asText()).isNotBlank();
        });
        check(event(events, "ESCALATION_APPROVED"), e -> {
            assertThat(e.get("actorName").asText()).isEqualTo(person("committee"));
            assertThat(e.get("note").asText()).contains("牵头部门报告本级无法解决").endsWith("同意提交街道");
        });
        assertThat(event(events, "ESCALATED").get("note").asText()).contains("片区").contains("街道");
        assertThat(event(events, "REOPENED").get("actionLabel").asText()).isEqualTo("退回重办");
        check(event(events, "EVALUATED"), e -> {
            assertThat(e.get("actorName").asText()).isEqualTo(person("secretary"));
            assertThat(e.get("note").asText()).contains("不满意");
        });
        assertThat(event(events, "CLOSED").get("actionLabel").asText()).isEqualTo("销号");
        assertThat(events).filteredOn(e -> e.get("action").asText().equals("MAIL")).allSatisfy(e -> {
            assertThat(e.get("actorName").asText()).isEqualTo("系统");
            assertThat(e.get("note").asText()).startsWith("「").doesNotContain("@");
        }).anySatisfy(e -> assertThat(e.get("note").asText()).contains("联席会议").contains("住房和城乡建设局"));
        // a mail is listed at the time of the step that sent it, whatever the server's time zone
        List<java.time.Instant> steps = events.stream().filter(e -> !e.get("action").asText().equals("MAIL"))
                .map(e -> java.time.OffsetDateTime.parse(e.get("at").asText()).toInstant()).toList();
        assertThat(events).filteredOn(e -> e.get("action").asText().equals("MAIL")).allSatisfy(e -> {
            java.time.Instant at = java.time.OffsetDateTime.parse(e.get("at").asText()).toInstant();
            assertThat(steps).anySatisfy(step -> assertThat(java.time.Duration.between(step, at).abs())
                    .isLessThan(java.time.Duration.ofMinutes(5)));
        });
        assertThat(events.stream().map(e -> e.get("note").asText())).noneMatch(n -> ISO_TIME.matcher(n).find());
    }

    @Test
    void aClosedTicketStillShowsWithItsDepartmentAndEveryStep() throws IOException {
        JsonNode t = getJson("secretary", "/api/cases/" + ticketA);
        assertThat(t.get("process").asText()).isEqualTo("ticket");
        assertThat(t.get("title").asText()).isEqualTo("占道经营");
        assertThat(t.get("status").asText()).isEqualTo("CLOSED");
        assertThat(t.get("statusLabel").asText()).isEqualTo("已办结");
        assertThat(t.get("deptCode").asText()).isEqualTo("housing");
        assertThat(t.get("deptName").asText()).isEqualTo("住房和城乡建设局");
        assertThat(t.get("color").isNull()).isTrue();
        assertThat(t.get("level").isNull()).isTrue();
        assertThat(t.get("timeLight").isNull()).isTrue();
        assertThat(t.get("dueAt").asText()).endsWith("+08:00");
        List<JsonNode> events = list(t.get("events"));
        assertThat(events).extracting(e -> e.get("action").asText()).containsSubsequence("RAISED", "DISPATCHED",
                "RETURNED", "DISPATCHED", "ACCEPTED", "RESOLVED", "TASK_COMPLETED", "CLOSED");
        assertThat(event(events, "RAISED").get("actorName").asText()).isEqualTo(person("gridworker"));
        check(event(events, "RETURNED"), e -> {
            assertThat(e.get("actorName").asText()).isEqualTo(person("urban"));
            assertThat(e.get("actionLabel").asText()).isEqualTo("退单");
            assertThat(e.get("note").asText()).contains("属于住建部门职责");
        });
        assertThat(events).filteredOn(e -> e.get("action").asText().equals("DISPATCHED"))
                .extracting(e -> e.get("note").asText()).containsExactly("派至城市管理局", "派至住房和城乡建设局");
        check(event(events, "TASK_COMPLETED"), e -> {
            assertThat(e.get("actionLabel").asText()).isEqualTo("社区确认");
            assertThat(e.get("actorName").asText()).isEqualTo(person("secretary"));
        });
        assertThat(event(events, "CLOSED").get("actionLabel").asText()).isEqualTo("办结");
        // the department that returned it was dispatched it, so it still sees the ticket
        assertThat(get("urban", "/api/cases/" + ticketA).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("committee", "/api/cases/" + ticketA).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theHtmlPageShowsWordsNotCodes() {
        ResponseEntity<String> page = get("secretary", "/cases/" + caseA);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = withoutCsrfToken(page.getBody());
        assertThat(html).contains("老旧小区楼道堆物清理").contains(caseA).contains("五级三色联席汇办").contains("已销号")
                .contains("黄色").contains("第4级 街道").contains("住房和城乡建设局").contains("办理经过")
                .contains(person("secretary")).contains(person("committee")).contains("申请升级").contains("系统")
                .contains("已结束").contains("上传附件").contains("lb-header")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertNoCodes(html);

        String ticket = withoutCsrfToken(get("secretary", "/cases/" + ticketA).getBody());
        assertThat(ticket).contains("双联双促工单").contains("占道经营").contains("已办结").contains("社区确认")
                .contains("华山路菜市场东门");
        assertNoCodes(ticket);
    }

    @Test
    void myCasesFollowTheLoginsUnit() throws IOException {
        assertThat(keys("secretary")).contains(caseA, ticketA).doesNotContain(caseB);
        assertThat(keys("gridworker")).contains(caseA, ticketA).doesNotContain(caseB);
        assertThat(keys("secretary2")).contains(caseB).doesNotContain(caseA, ticketA);
        assertThat(keys("committee")).contains(caseA, ticketA).doesNotContain(caseB);
        assertThat(keys("street")).contains(caseA, ticketA).doesNotContain(caseB);
        assertThat(keys("housing")).contains(caseA, ticketA).doesNotContain(caseB);
        assertThat(keys("urban")).contains(caseA, ticketA).doesNotContain(caseB);
        assertThat(keys("center")).contains(caseA, ticketA, caseB);
        assertThat(keys("deputy04")).doesNotContain(caseA, ticketA, caseB);

        List<JsonNode> mine = list(getJson("secretary", "/api/cases?scope=mine&size=200"));
        JsonNode first = mine.stream().filter(c -> c.get("businessKey").asText().equals(caseA)).findFirst().orElseThrow();
        assertThat(names(first)).doesNotContain("events").contains("attachments", "timeLight", "dueAt", "statusLabel");
        assertThat(mine.indexOf(mine.stream().filter(c -> c.get("businessKey").asText().equals(ticketA)).findFirst()
                .orElseThrow())).as("newest first").isLessThan(mine.indexOf(first));
        List<String> all = keys("secretary");
        assertThat(list(getJson("secretary", "/api/cases?scope=mine&page=2&size=1"))).singleElement()
                .satisfies(c -> assertThat(c.get("businessKey").asText()).isEqualTo(all.get(1)));
        assertThat(get("secretary", "/api/cases?scope=everything").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("secretary", "/api/cases?scope=mine&size=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        String list = get("secretary", "/cases").getBody();
        assertThat(list).contains("我的事项").contains("href=\"/cases/" + caseA + "\"").contains("已销号")
                .contains("已办结").doesNotContain(caseB);
        assertNoCodes(list);
        // an open case of community B: its status and 时效灯 in words for its own secretary
        String listB = get("secretary2", "/cases").getBody();
        assertThat(listB).contains("href=\"/cases/" + caseB + "\"").contains("待评级");
        assertNoCodes(listB);
    }

    @Test
    void otherUnitsAreToldTheCaseDoesNotExist() throws IOException {
        ResponseEntity<String> other = get("secretary2", "/api/cases/" + caseA);
        ResponseEntity<String> none = get("secretary2", "/api/cases/JH-2099-999999");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody().replace(caseA, "KEY")).isEqualTo(none.getBody().replace("JH-2099-999999", "KEY"));
        assertThat(get("secretary2", "/api/cases/" + ticketA).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("housing", "/api/cases/" + caseB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("urban", "/api/cases/" + caseB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("committee", "/api/cases/" + caseB).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the deputies of another area (those of its own follow it: DeputyCasesTest)
        assertThat(get("deputy04", "/api/cases/" + caseA).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("urban", "/api/cases/" + greenA).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(keys("urban")).doesNotContain(greenA);
        assertThat(get("secretary", "/api/cases/" + greenA).getStatusCode()).isEqualTo(HttpStatus.OK);
        // the community leads a green case: the page names it, not the category's department (proposed only)
        assertThat(get("secretary", "/cases/" + greenA).getBody()).contains("牵头单位").contains(community("C-DL-01"))
                .doesNotContain("牵头部门");
        assertThat(get("secretary", "/api/cases/RC-2026-000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("center", "/api/cases/" + caseB).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("admin", "/api/cases/" + caseA).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> page = get("secretary2", "/cases/" + caseA);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("没有找到案件").doesNotContain("老旧小区");
        assertThat(rest.getForEntity("/api/cases/" + caseA, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // nor its files, nor may they add any
        long id = upload("secretary", caseA, "现场.png", png(64)).get("id").asLong();
        assertThat(get("secretary2", "/api/attachments/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("deputy04", "/api/attachments/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("secretary2", "/api/attachments/999999999").getBody())
                .isEqualTo(get("secretary2", "/api/attachments/" + id).getBody().replace(String.valueOf(id), "999999999"));
        assertThat(post("secretary2", caseA, "照片.png", png(64)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("secretary2", caseA, "巨大.png", png(11 * 1024 * 1024)).getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(list(getJson("secretary", "/api/cases/" + caseA).get("attachments")))
                .extracting(a -> a.get("name").asText()).doesNotContain("照片.png");
    }

    @Test
    void filesAreCheckedByTheirContentStoredAndReadBack() throws IOException {
        byte[] picture = png(2048);
        ResponseEntity<String> created = post("housing", ticketA, "C:\\照片\\现场.png", picture);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode a = json.readTree(created.getBody());
        assertThat(names(a)).containsExactlyInAnyOrder("id", "name", "contentType", "size");
        assertThat(a.get("name").asText()).isEqualTo("现场.png");
        assertThat(a.get("contentType").asText()).isEqualTo("image/png");
        assertThat(a.get("size").asLong()).isEqualTo(2048);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/attachments/" + a.get("id").asLong());

        ResponseEntity<byte[]> file = rest.withBasicAuth("secretary", "demo")
                .getForEntity("/api/attachments/" + a.get("id").asLong(), byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(file.getBody()).isEqualTo(picture);

        assertThat(post("housing", ticketA, "报告.docx", office("word/document.xml")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> sheet = post("housing", ticketA, "台账.xlsx", office("xl/workbook.xml"));
        assertThat(sheet.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(sheet.getBody()).get("contentType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        ResponseEntity<String> tooLarge = post("housing", ticketA, "大图.png", png(10 * 1024 * 1024 + 1));
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json.readTree(tooLarge.getBody()).get("message").asText()).contains("10 MB");
        ResponseEntity<String> text = post("housing", ticketA, "伪装.jpg", "这其实是文本".getBytes());
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json.readTree(text.getBody()).get("error").asText()).isEqualTo("unsupported_type");
        assertThat(post("housing", ticketA, "压缩包.docx", office("readme.txt")).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        JsonNode t = getJson("secretary", "/api/cases/" + ticketA);
        assertThat(list(t.get("attachments"))).extracting(f -> f.get("name").asText())
                .contains("现场.png", "报告.docx", "台账.xlsx").doesNotContain("大图.png", "伪装.jpg", "压缩包.docx");
        assertThat(list(t.get("events"))).filteredOn(e -> e.get("action").asText().equals("ATTACHED"))
                .allSatisfy(e -> assertThat(e.get("actorName").asText()).isEqualTo(person("housing")))
                .extracting(e -> e.get("note").asText()).contains("现场.png");
    }

    @Test
    void theUploadFormOnThePageAttachesAndExplainsRefusals() {
        TestRestTemplate browser = rest.withBasicAuth("secretary", "demo").withRedirects(Redirects.DONT_FOLLOW);
        ResponseEntity<String> page = browser.getForEntity("/cases/" + caseA, String.class);
        Matcher token = CSRF_IN_ACTION.matcher(page.getBody());
        assertThat(token.find()).as("the upload form carries its CSRF token in the address").isTrue();
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String action = "/cases/" + caseA + "/attachments?_csrf=" + token.group(1);

        ResponseEntity<String> done = browser.exchange(action, HttpMethod.POST, AttachmentChecks.multipart("表格.pdf",
                "%PDF-1.7 测试".getBytes(), cookie), String.class);
        assertThat(done.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(done.getHeaders().getLocation().toString()).endsWith("/cases/" + caseA + "?uploaded");
        assertThat(browser.getForEntity("/cases/" + caseA + "?uploaded", String.class).getBody())
                .contains("附件已上传").contains("表格.pdf");

        ResponseEntity<String> tooLarge = browser.exchange(action, HttpMethod.POST, AttachmentChecks.multipart("大图.png",
                png(10 * 1024 * 1024 + 1), cookie), String.class);
        assertThat(tooLarge.getStatusCode().is3xxRedirection()).isTrue();
        String refused = browser.getForEntity(tooLarge.getHeaders().getLocation().getPath() + "?"
                + tooLarge.getHeaders().getLocation().getQuery(), String.class).getBody();
        assertThat(refused).contains("附件不能超过 10 MB");

        ResponseEntity<String> wrongType = browser.exchange(action, HttpMethod.POST, AttachmentChecks.multipart("病毒.exe",
                new byte[]{'M', 'Z', 0, 0}, cookie), String.class);
        assertThat(wrongType.getHeaders().getLocation().toString()).endsWith("?error=unsupported_type");
    }

    private void work(String user, ProcessInstance pi, String key, Object... vars) {
        users.run(user, () -> {
            tasks.claim(driver.task(pi, key).getId(), user);
            driver.complete(pi, key, vars);
        });
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private JsonNode getJson(String user, String path) throws IOException {
        ResponseEntity<String> answer = get(user, path);
        assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private List<String> keys(String user) throws IOException {
        return list(getJson(user, "/api/cases?scope=mine&size=200")).stream().map(c -> c.get("businessKey").asText())
                .toList();
    }

    private JsonNode upload(String user, String businessKey, String name, byte[] content) throws IOException {
        ResponseEntity<String> answer = post(user, businessKey, name, content);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> post(String user, String businessKey, String name, byte[] content) {
        return rest.withBasicAuth(user, "demo").exchange("/api/cases/" + businessKey + "/attachments", HttpMethod.POST,
                AttachmentChecks.multipart(name, content, null), String.class);
    }

    private static byte[] png(int size) {
        byte[] content = Arrays.copyOf(PNG, size);
        Arrays.fill(content, PNG.length, size, (byte) 7);
        return content;
    }

    private static byte[] office(String part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes());
        }
        return bytes.toByteArray();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode event(List<JsonNode> events, String action) {
        return events.stream().filter(e -> e.get("action").asText().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + action));
    }

    private static void check(JsonNode node, Consumer<JsonNode> assertions) {
        assertions.accept(node);
    }

    private String person(String login) {
        return jdbc.queryForObject("SELECT name FROM person WHERE login = ?", String.class, login);
    }

    private String community(String code) {
        return jdbc.queryForObject("SELECT name FROM community WHERE code = ?", String.class, code);
    }

    /** The CSRF token is random text and may spell anything. */
    private static String withoutCsrfToken(String html) {
        return html.replaceAll("_csrf=[^\"&]+", "_csrf=").replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", "");
    }

    private static void assertNoCodes(String html) {
        String text = withoutCsrfToken(html);
        Map<String, String> codes = new HashMap<>();
        for (String code : List.of("RATING", "MEETING", "HANDLING", "ESCALATING", "EVALUATING", "CLOSED", "GREEN",
                "YELLOW", "RED", "DISPATCHING", "ACCEPTING", "RESOLVING", "CONFIRMING", "joint-handling", "ticket",
                "housing", "urban", "C-DL-01", "C-XJ-01", "null")) {
            if (Pattern.compile("(?<![A-Za-z_-])" + Pattern.quote(code) + "(?![A-Za-z_-])").matcher(text).find()) {
                codes.put(code, text);
            }
        }
        assertThat(codes.keySet()).as("codes on the page").isEmpty();
        assertThat(ISO_TIME.matcher(text).find()).as("ISO timestamps on the page").isFalse();
    }
}
