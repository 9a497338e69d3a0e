package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.ResourceDriver;
import cn.lianban.support.TaskCards;

/** Every path of {@code resource-claim}, on items of March 2031 (a month no other test uses), claimed on 10 March. */
@LianbanTest
class ResourceClaimProcessTest {

    private static final YearMonth MARCH = YearMonth.of(2031, 3);

    @Autowired
    ProcessEngine engine;
    @Autowired
    IssueDriver driver;
    @Autowired
    ResourceDriver resources;
    @Autowired
    AsUser users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver.clockAt(LocalDateTime.of(2031, 3, 10, 10, 0));
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    @Test
    void approvedDeliveredAndConfirmed() {
        String funds = resources.publish(MARCH, "FUNDS", null, 50_000L);
        ProcessInstance pi = resources.claim("secretary", "itemCode", funds, "need", "修缮3号楼前破损的健身场地",
                "amount", 20_000L, "places", null);
        assertThat(pi.getBusinessKey()).matches("RC-2031-\\d{6}");
        assertThat(pi).isWaitingAt("approveClaim").variables().containsEntry("communityCode", "C-DL-01")
                .containsEntry("deptCode", "housing").containsEntry("deptName", "住房和城乡建设局")
                .containsEntry("categoryName", "资金倾斜").containsEntry("amount", 20_000L).containsEntry("status", "CLAIMED");
        assertThat(driver.task(pi, "approveClaim")).hasCandidateGroup("dept:housing");
        // the department's card: number, item, status, community and department in words
        assertThat(card(pi)).containsEntry("编号", pi.getBusinessKey())
                .containsEntry("事项", resources.item(funds).name()).containsEntry("状态", "待部门审批")
                .containsEntry("社区", jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class)).containsEntry("责任部门", "住房和城乡建设局")
                .containsEntry("类别", "资金倾斜").containsEntry("金额（元）", 20_000L).doesNotContainKey("名额");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "filedLabel")).isEqualTo("2031-03-10 10:00");
        assertThat(resources.item(funds).committed()).isEqualByComparingTo("20000");
        assertThat(resources.claimRow(pi.getBusinessKey())).containsEntry("STATUS", "CLAIMED")
                .containsEntry("COMMUNITY_CODE", "C-DL-01");

        users.run("housing", () -> driver.complete(pi, "approveClaim", "approved", true));
        assertThat(pi).isWaitingAt("deliver").variables().containsEntry("status", "APPROVED");
        assertThat(driver.task(pi, "deliver")).hasCandidateGroup("dept:housing");
        assertThat(card(pi)).containsEntry("状态", "待部门交付");

        assertThatThrownBy(() -> driver.complete(pi, "deliver", "deliveryNote", " ")).hasMessageContaining("交付情况");
        users.run("housing", () -> driver.complete(pi, "deliver", "deliveryNote", "11月12日拨付2万元"));
        assertThat(pi).isWaitingAt("confirmDelivery").variables().containsEntry("status", "DELIVERED");
        assertThat(driver.task(pi, "confirmDelivery")).hasCandidateGroup("community:C-DL-01");
        assertThat(card(pi)).containsEntry("状态", "已交付，待社区确认");
        assertThat(resources.claimRow(pi.getBusinessKey()).get("DELIVERED_AT")).isNotNull();

        users.run("secretary", () -> driver.complete(pi, "confirmDelivery", "received", true));
        assertThat(pi).isEnded().hasPassed("closeClaim");
        assertThat(finalStatusLabel(pi)).isEqualTo("已完成");
        assertThat(resources.claimRow(pi.getBusinessKey())).containsEntry("STATUS", "CONFIRMED")
                .containsEntry("DELIVERY_NOTE", "11月12日拨付2万元");
        assertThat(resources.item(funds).committed()).as("delivered funds stay committed").isEqualByComparingTo("20000");
        assertThat(driver.events(pi.getBusinessKey()))
                .containsExactly("CLAIMED", "RESERVED", "APPROVED", "DELIVERED", "CONFIRMED");
    }

    @Test
    void rejectionNeedsAReasonAndReleasesTheReservation() {
        String funds = resources.publish(MARCH, "FUNDS", null, 50_000L);
        ProcessInstance pi = resources.claim("secretary", "itemCode", funds, "need", "社区食堂添置设备", "amount", 30_000L);
        assertThat(resources.item(funds).committed()).isEqualByComparingTo("30000");

        assertThatThrownBy(() -> users.run("housing", () -> driver.complete(pi, "approveClaim", "approved", false)))
                .hasMessageContaining("驳回必须说明理由");
        assertThat(pi).isWaitingAt("approveClaim");
        assertThat(resources.item(funds).committed()).isEqualByComparingTo("30000");

        users.run("housing", () -> driver.complete(pi, "approveClaim", "approved", false, "reason", "不属于本项目支持范围"));
        assertThat(pi).isEnded().hasPassed("rejectClaim");
        assertThat(resources.item(funds).committed()).as("released").isEqualByComparingTo("0");
        assertThat(resources.claimRow(pi.getBusinessKey())).containsEntry("STATUS", "REJECTED")
                .containsEntry("REASON", "不属于本项目支持范围");
        assertThat(driver.events(pi.getBusinessKey())).containsExactly("CLAIMED", "RESERVED", "REJECTED");
    }

    @Test
    void notReceivedGoesBackToTheDepartment() {
        String service = resources.publish(MARCH, "SERVICE", 10, null);
        // as Tasklist's start form sends it: the empty amount field as null
        ProcessInstance pi = resources.claim("secretary", "itemCode", service, "need", "老年人较多，需要上门服务",
                "places", 3L, "amount", null);
        assertThat(resources.item(service).taken()).isEqualTo(3);
        driver.complete(pi, "approveClaim", "approved", true);
        driver.complete(pi, "deliver", "deliveryNote", "已安排");
        assertThatThrownBy(() -> driver.complete(pi, "confirmDelivery", "received", false))
                .hasMessageContaining("未收到时请说明情况");
        driver.complete(pi, "confirmDelivery", "received", false, "comment", "只来了一次");
        assertThat(pi).isWaitingAt("deliver").variables().containsEntry("status", "APPROVED");
        assertThat(card(pi)).containsEntry("状态", "待部门交付").containsEntry("名额", 3L).doesNotContainKey("金额（元）");
        assertThat(resources.claimRow(pi.getBusinessKey())).containsEntry("STATUS", "APPROVED")
                .containsEntry("DELIVERED_AT", null);
        assertThat(driver.events(pi.getBusinessKey())).endsWith("DELIVERED", "NOT_RECEIVED");
    }

    @Test
    void tooLittleLeftRefusesTheClaimAndStoresNothing() {
        String funds = resources.publish(MARCH, "FUNDS", null, 10_000L);
        resources.claim("secretary", "itemCode", funds, "need", "第一笔", "amount", 8_000L);
        int claims = claimsOf(funds);
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("resource-claim")
                .count();
        assertThatThrownBy(() -> resources.claim("secretary2", "itemCode", funds, "need", "第二笔", "amount", 5_000L))
                .hasMessageContaining("预算不足").hasMessageContaining("剩余预算 2000.00 元");
        assertThat(claimsOf(funds)).isEqualTo(claims);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("resource-claim")
                .count()).isEqualTo(instances);
        assertThat(resources.item(funds).committed()).isEqualByComparingTo("8000");

        String places = resources.publish(MARCH, "FACILITY", 2, null);
        resources.claim("secretary", "itemCode", places, "need", "两处", "places", 2L);
        assertThatThrownBy(() -> resources.claim("secretary2", "itemCode", places, "need", "一处"))
                .hasMessageContaining("名额已满");
        assertThat(resources.item(places).taken()).isEqualTo(2);
        assertThat(claimsOf(places)).isEqualTo(1);
    }

    @Test
    void aClaimMustBeForOnesOwnCommunityAndFitTheItem() {
        String funds = resources.publish(MARCH, "FUNDS", null, 10_000L);
        String policy = resources.publish(MARCH, "POLICY", 5, null);
        assertThatThrownBy(() -> resources.claim("secretary2", "itemCode", funds, "communityCode", "C-DL-01",
                "need", "代别的社区承接", "amount", 100L)).hasMessageContaining("只能为本社区提交");
        assertThatThrownBy(() -> resources.claim("secretary", "itemCode", "RS-2031-03-999", "need", "x"))
                .hasMessageContaining("没有已发布的项目");
        assertThatThrownBy(() -> resources.claim("secretary", "itemCode", funds, "need", "没写金额"))
                .hasMessageContaining("请填写申请金额");
        assertThatThrownBy(() -> resources.claim("secretary", "itemCode", policy, "need", "政策", "amount", 100L))
                .hasMessageContaining("不需填写申请金额");
        assertThatThrownBy(() -> resources.claim("secretary", "itemCode", funds, "need", "", "amount", 100L))
                .hasMessageContaining("需求说明");
        assertThatThrownBy(() -> resources.claim("secretary", "itemCode", funds, "need", "小数", "amount", 10.5))
                .hasMessageContaining("整数");
        driver.clockAt(LocalDateTime.of(2031, 4, 1, 9, 0));
        assertThatThrownBy(() -> resources.claim("secretary", "itemCode", funds, "need", "过期", "amount", 100L))
                .hasMessageContaining("今天不能承接");
        assertThat(claimsOf(funds) + claimsOf(policy)).isZero();
    }

    @Test
    void theCommunityAndTheDepartmentFollowTheClaimAndOthersSeeNothing() {
        String service = resources.publish(MARCH, "SERVICE", 10, null);
        ProcessInstance pi = resources.claim("secretary", "itemCode", service, "need", "义诊");
        for (String user : List.of("secretary", "housing", "center")) {
            assertThat(users.as(user, () -> engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(pi.getId()).count())).as(user).isOne();
        }
        for (String user : List.of("secretary2", "urban")) {
            assertThat(users.as(user, () -> engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(pi.getId()).count())).as(user).isZero();
            assertThat(users.as(user, () -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                    .count())).as(user).isZero();
        }
        assertThat(users.as("housing", () -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("approveClaim").count())).isOne();
    }

    /** The budget race through the engine: concurrent starts, each in its own transaction; only what fits is stored. */
    @Test
    void concurrentClaimsNeverOverCommitTheBudget() throws Exception {
        String funds = resources.publish(MARCH, "FUNDS", null, 10_000L);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = t % 2 == 0 ? "secretary" : "secretary2";
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return resources.claim(user, "itemCode", funds, "need", "并发承接", "amount", 3_000L).getBusinessKey();
                } catch (RuntimeException e) {
                    return "refused: " + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(results).filteredOn(r -> r.startsWith("RC-")).hasSize(3);
        assertThat(results).filteredOn(r -> r.startsWith("refused")).hasSize(5).allMatch(r -> r.contains("预算不足"));
        assertThat(resources.item(funds).committed()).isEqualByComparingTo(new BigDecimal("9000"));
        assertThat(claimsOf(funds)).isEqualTo(3);
    }

    private int claimsOf(String itemCode) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM resource_claim WHERE item_code = ?", Integer.class, itemCode);
    }

    /** The claim's Tasklist card in the filters of departments and communities, checked to read as words. */
    private Map<String, Object> card(ProcessInstance pi) {
        return TaskCards.assertInWords(ResourceFilters.COLUMNS, engine.getRuntimeService().getVariables(pi.getId()));
    }

    private String finalStatusLabel(ProcessInstance pi) {
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("statusLabel").singleResult().getValue();
    }
}
