package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;
import cn.lianban.venue.BookingService;

/**
 * The joint meeting (issue 13, point 8): the convener chooses venue and time from the free slots before the
 * invitation, and the meeting records who came and what each department is to do.
 */
class JointMeetingTest extends ProcessTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookingService bookings;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    cn.lianban.support.ResourceDriver resources;
    @Autowired
    cn.lianban.resource.MeetingFunds funds;
    @Autowired
    cn.lianban.resource.ResourceTotals totals;

    @Test
    void aSlotTakenMeanwhileIsRefusedInChineseAndTheConvenerChoosesAgain() {
        driver.clockAt(LocalDateTime.of(2026, 6, 22, 10, 0));
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        java.util.Map<String, String> chosen = choices(pi).get(choices(pi).size() - 1);
        String venue = chosen.get("value").substring(0, chosen.get("value").indexOf('|'));
        LocalDateTime start = LocalDateTime.parse(chosen.get("value").substring(venue.length() + 1));
        // a resident books the second hour of that slot while the convener is filling in the form
        bookings.book(new cn.lianban.venue.BookingRequest(venue, start.plusHours(1), start.plusHours(2), "居民",
                "13800000000"));

        assertThatThrownBy(() -> driver.complete(pi, "scheduleMeeting", "meetingChoice", chosen.get("value")))
                .hasMessageContaining(chosen.get("label").substring(0, chosen.get("label").length() - 6)
                        + " 起的时段已被占用或不可预约，请另选时段");
        assertThat(pi).isWaitingAt("scheduleMeeting").variables().doesNotContainKey("meetingBooking");
        assertThat(driver.mails(pi)).noneMatch(m -> m.startsWith("MEETING_INVITATION"));
        assertThatThrownBy(() -> driver.complete(pi, "scheduleMeeting")).hasMessageContaining("请选择会议地点和时段");

        driver.scheduleMeeting(pi);
        assertThat(pi).isWaitingAt("meet");
        assertThat(details(pi, "MEETING_CONVENED")).singleElement().asString()
                .contains(driver.variable(pi, "meetingTimeLabel").toString()).contains("场地预约号");
    }

    @Test
    void twoConvenersChoosingTheSameSlotAtOnceGetItOnlyOnce() throws Exception {
        driver.clockAt(LocalDateTime.of(2026, 6, 29, 10, 0));
        ProcessInstance first = driver.file("multiDepartment", true);
        driver.complete(first, "rate", "color", "YELLOW");
        ProcessInstance second = driver.file("multiDepartment", true);
        driver.complete(second, "rate", "color", "YELLOW");
        String slot = choices(first).get(choices(first).size() - 1).get("value");
        assertThat(choices(second)).extracting(o -> o.get("value")).contains(slot);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (ProcessInstance pi : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        driver.complete(pi, "scheduleMeeting", "meetingChoice", slot);
                        return true;
                    } catch (RuntimeException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int booked = 0;
            for (var r : results) {
                booked += r.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(booked).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String venue = slot.substring(0, slot.indexOf('|'));
        LocalDateTime start = LocalDateTime.parse(slot.substring(venue.length() + 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_slot WHERE venue_code = ? AND slot_start = ?",
                Integer.class, venue, java.sql.Timestamp.valueOf(start))).isEqualTo(1);
    }

    @Test
    void theMeetingRecordsWhoCameAndEachDepartmentsTask() {
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        // the invitees offered for attendance: the convener first, then the street, community, lead and the area's
        // deputies (those of other areas are not invited)
        assertThat(invitees(pi)).extracting(o -> o.get("value")).startsWith("area:A-DL-1", "street:S-DL",
                "community:C-DL-01", "dept:housing").contains("deputy:deputy01", "deputy:deputy03")
                .doesNotContain("deputy:deputy04");
        assertThat(invitees(pi)).extracting(o -> o.get("label")).contains("住房和城乡建设局")
                .anyMatch(l -> l.endsWith("（两代表一委员）"));
        // Tasklist sends the attendance typed like the variable it finds: a list of its own, not the options' type
        assertThat(pi).variables().containsEntry("attended", List.of());

        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", "2026-03-06",
                "minutes", "住建局牵头维修，城管局配合清理", "attended", List.of("dept:housing", "area:A-DL-1",
                        "deputy:deputy01"), "leadTask", "维修楼道和雨棚", "coTasks", "\n城市管理局：清理堆物：2026-03-05\n");

        assertThat(pi).isWaitingAt("handle", "assist").variables()
                .containsEntry("attended", List.of("area:A-DL-1", "dept:housing", "deputy:deputy01"));
        assertThat(driver.variable(pi, "deptTasks")).asList().hasSize(2);
        String deputy = invitees(pi).stream().filter(o -> o.get("value").equals("deputy:deputy01")).findFirst()
                .orElseThrow().get("label");
        assertThat(detail(pi, "MEETING")).contains("到会：东莱北片区联合党委、住房和城乡建设局、" + deputy)
                .contains("分工：住房和城乡建设局 维修楼道和雨棚；城市管理局 清理堆物（2026-03-05 前）")
                .doesNotContain("deputy:", "dept:", "area:");

        // and the case page shows it in words
        ResponseEntity<String> page = rest.withBasicAuth("committee", "demo")
                .getForEntity("/cases/" + pi.getBusinessKey(), String.class);
        assertThat(page.getBody()).contains("分工：住房和城乡建设局 维修楼道和雨棚；城市管理局 清理堆物").contains("到会：");
    }

    @Test
    void attendanceAndTasksAreChecked() {
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);

        assertThatThrownBy(() -> meet(pi, List.of("deputy:deputy04"), null))
                .hasMessageContaining("到会单位和人员须从受邀名单中选择");
        assertThatThrownBy(() -> meet(pi, List.of(), "水务局：排水"))
                .hasMessageContaining("协办部门分工须以本次确定的协办部门名称开头：水务局：排水");
        assertThatThrownBy(() -> meet(pi, List.of(), "城市管理局："))
                .hasMessageContaining("请填写城市管理局承担的任务");
        assertThatThrownBy(() -> meet(pi, List.of(), "城市管理局：清理：2026-03-09"))
                .hasMessageContaining("城市管理局的完成日期须在今天至办结期限 2026-03-06 之间");
        assertThatThrownBy(() -> meet(pi, List.of(), "城市管理局：清理\n城市管理局：巡查"))
                .hasMessageContaining("城市管理局的分工重复填写");
        assertThat(pi).isWaitingAt("meet");

        // Tasklist sends the attendance as JSON; a half-width colon does as well
        meet(pi, "[\"dept:housing\"]", "城市管理局: 清理: 2026-03-04");
        assertThat(pi).isWaitingAt("handle", "assist").variables().containsEntry("attended", List.of("dept:housing"));
        assertThat(detail(pi, "MEETING")).contains("分工：城市管理局 清理（2026-03-04 前）");
    }

    @Test
    void fundsBecomeAClaimOnTheMonthsListOrACommunityOrderCountedPerCaseAndCommunity() {
        resources.publish(java.time.YearMonth.of(2026, 3), "FUNDS", null, 50_000L);
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        assertThatThrownBy(() -> meetWithFunds(pi, 20_000L, null)).hasMessageContaining("安排资金时请填写资金用途");
        assertThatThrownBy(() -> meetWithFunds(pi, 20_000.5, "更换雨棚")).hasMessageContaining("整数");

        meetWithFunds(pi, 20_000.0, "更换雨棚");
        assertThat(pi).isWaitingAt("handle", "assist").variables().containsEntry("funds", 20_000L);
        java.util.Map<String, Object> claim = jdbc.queryForMap("SELECT r.*, i.category FROM resource_claim r JOIN "
                + "resource_item i ON i.code = r.item_code WHERE r.case_key = ?", pi.getBusinessKey());
        assertThat(claim).containsEntry("community_code", "C-DL-01").containsEntry("status", "CLAIMED")
                .containsEntry("category", "FUNDS");
        assertThat(((java.math.BigDecimal) claim.get("amount")).longValue()).isEqualTo(20_000L);
        assertThat(claim.get("need").toString()).contains(pi.getBusinessKey(), "更换雨棚");
        assertThat(detail(pi, "FUNDS_PLACED")).contains("安排资金 20000 元（更换雨棚）", "提交认领 " + claim.get("business_key"));
        // the claim runs its own process: the item's department approves it
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(
                claim.get("business_key").toString()).taskDefinitionKey("approveClaim").count()).isOne();

        // more than any funds item of the month has: a community order to the finance department
        ProcessInstance big = driver.file("category", "HOUSING", "multiDepartment", true, "households", 40L);
        driver.complete(big, "rate", "color", "YELLOW");
        driver.scheduleMeeting(big);
        meetWithFunds(big, 90_000_000L, "整体改造");
        java.util.Map<String, Object> order = jdbc.queryForMap("SELECT * FROM community_order WHERE case_key = ?",
                big.getBusinessKey());
        assertThat(order).containsEntry("category", "FUNDS").containsEntry("community_code", "C-DL-01");
        assertThat(detail(big, "FUNDS_PLACED")).contains("本月资源清单没有合适的资金项目", "社区点单 "
                + order.get("business_key"));

        // counted per case (the case page) and per community (the dashboard's table of meeting funds)
        assertThat(funds.ofCase(pi.getBusinessKey()).requested()).isEqualByComparingTo("20000");
        assertThat(funds.ofCase(pi.getBusinessKey()).businessKeys()).containsExactly(claim.get("business_key")
                .toString());
        assertThat(totals.meetingFunds(java.time.YearMonth.of(2026, 3), List.of("C-DL-01"))).singleElement()
                .satisfies(t -> {
                    assertThat(t.cases()).isGreaterThanOrEqualTo(2);
                    assertThat(t.requested()).isGreaterThanOrEqualTo(new java.math.BigDecimal("90020000"));
                });
        assertThat(rest.withBasicAuth("committee", "demo").getForEntity("/cases/" + pi.getBusinessKey(), String.class)
                .getBody()).contains("会商资金", "安排 20000 元，已使用 0 元（" + claim.get("business_key") + "）");
    }

    private void meetWithFunds(ProcessInstance pi, Object yuan, String purpose) {
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", "2026-03-06",
                "minutes", "会议纪要", "funds", yuan, "fundsPurpose", purpose);
    }

    @Test
    void schedulingTakesOnlyItsFormsFieldThroughRest() {
        ProcessInstance pi = driver.file("multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        String task = driver.task(pi, "scheduleMeeting").getId();
        String choice = choices(pi).get(0).get("value");

        ResponseEntity<String> refused = complete(task, Map.of("meetingChoice", choice, "meetingBooking", "B-1"));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("meetingBooking");
        assertThat(pi).isWaitingAt("scheduleMeeting");

        ResponseEntity<String> done = complete(task, Map.of("meetingChoice", choice));
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(pi).isWaitingAt("meet");
    }

    private ResponseEntity<String> complete(String task, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return rest.withBasicAuth("committee", "demo").postForEntity("/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", typed), String.class);
    }

    private void meet(ProcessInstance pi, Object attended, String coTasks) {
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline", "2026-03-06",
                "minutes", "会议纪要", "attended", attended, "coTasks", coTasks);
    }

    private String detail(ProcessInstance pi, String action) {
        return jdbc.queryForObject("SELECT detail FROM case_event WHERE business_key = ? AND action = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class, pi.getBusinessKey(), action);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> choices(ProcessInstance pi) {
        return (List<Map<String, String>>) driver.variable(pi, "meetingChoices");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> invitees(ProcessInstance pi) {
        return (List<Map<String, String>>) driver.variable(pi, "meetingInvitees");
    }

    private List<String> details(ProcessInstance pi, String action) {
        return jdbc.queryForList("SELECT detail FROM case_event WHERE business_key = ? AND action = ? ORDER BY id",
                String.class, pi.getBusinessKey(), action);
    }
}
