package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.EngineClock;
import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.ResourceDriver;
import cn.lianban.support.TaskCards;

/** Every path of {@code community-order} (社区点单—系统派单—部门接单), ordered on 12 March 2031. */
@LianbanTest
class CommunityOrderProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    IssueDriver driver;
    @Autowired
    ResourceDriver resources;
    @Autowired
    AsUser users;
    @Autowired
    ResourceList list;
    @Autowired
    CommunityOrders orders;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver.clockAt(LocalDateTime.of(2031, 3, 12, 9, 30));
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    @Test
    void acceptedCompletedAndConfirmed() {
        ProcessInstance pi = resources.order("secretary", "category", "SERVICE", "need", "独居老人需要助浴服务",
                "amount", null);
        assertThat(pi.getBusinessKey()).matches("RO-2031-\\d{6}");
        assertThat(pi).isWaitingAt("acceptOrder").hasPassed("dispatchOrder").variables()
                .containsEntry("deptCode", "civil").containsEntry("deptName", "民政局")
                .containsEntry("communityCode", "C-DL-01").containsEntry("status", "DISPATCHED");
        assertThat(driver.task(pi, "acceptOrder")).hasCandidateGroup("dept:civil");
        assertThat(card(pi)).containsEntry("编号", pi.getBusinessKey()).containsEntry("事项", "服务下沉：独居老人需要助浴服务")
                .containsEntry("状态", "待部门接单").containsEntry("责任部门", "民政局").containsEntry("类别", "服务下沉")
                .containsKey("社区");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("STATUS", "DISPATCHED")
                .containsEntry("DEPT_CODE", "civil");

        driver.complete(pi, "acceptOrder", "accepted", true);
        assertThat(pi).isWaitingAt("completeOrder").variables().containsEntry("status", "ACCEPTED");
        assertThat(driver.task(pi, "completeOrder")).hasCandidateGroup("dept:civil");
        assertThat(card(pi)).containsEntry("状态", "部门办理中");
        assertThatThrownBy(() -> driver.complete(pi, "completeOrder", "result", "已安排"))
                .hasMessageContaining("实际使用金额");
        driver.complete(pi, "completeOrder", "result", "已联系养老服务中心每周上门助浴", "amount", 1_200L);
        assertThat(pi).isWaitingAt("confirmOrder").variables().containsEntry("status", "COMPLETED")
                .containsEntry("amount", 1_200L);
        assertThat(driver.task(pi, "confirmOrder")).hasCandidateGroup("community:C-DL-01");
        assertThat(card(pi)).containsEntry("状态", "已办结，待社区确认").containsEntry("金额（元）", 1_200L);

        users.run("secretary", () -> driver.complete(pi, "confirmOrder", "confirmed", true));
        assertThat(pi).isEnded().hasPassed("closeOrder");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("STATUS", "CONFIRMED")
                .containsEntry("RESULT", "已联系养老服务中心每周上门助浴");
        assertThat((BigDecimal) resources.orderRow(pi.getBusinessKey()).get("AMOUNT_SPENT")).isEqualByComparingTo("1200");
        assertThat(driver.events(pi.getBusinessKey()))
                .containsExactly("ORDERED", "DISPATCHED", "ACCEPTED", "COMPLETED", "CONFIRMED");
    }

    @Test
    void notAcceptedIsReassignedByTheCityCenter() {
        ProcessInstance pi = resources.order("secretary2", "category", "FACILITY", "need", "小区门口缺少非机动车停车棚",
                "amount", 30_000L);
        assertThat(driver.task(pi, "acceptOrder")).hasCandidateGroup("dept:housing");
        assertThatThrownBy(() -> driver.complete(pi, "acceptOrder", "accepted", false))
                .hasMessageContaining("不接单必须说明理由");
        users.run("housing", () -> driver.complete(pi, "acceptOrder", "accepted", false, "reason", "停车棚归城管局管理"));
        assertThat(pi).isWaitingAt("reassignOrder").variables().containsEntry("status", "DECLINED");
        assertThat(card(pi)).containsEntry("状态", "部门不接单，待中心改派").containsEntry("责任部门", "住房和城乡建设局")
                .containsEntry("事项", "设施建设：小区门口缺少非机动车停车棚");
        assertThat(driver.task(pi, "reassignOrder")).hasCandidateGroup("city-center");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("STATUS", "DECLINED")
                .containsEntry("REASON", "停车棚归城管局管理");

        assertThatThrownBy(() -> users.run("center", () -> driver.complete(pi, "reassignOrder", "deptCode", "nobody")))
                .hasMessageContaining("承办部门无效");
        users.run("center", () -> driver.complete(pi, "reassignOrder", "deptCode", "urban"));
        assertThat(pi).isWaitingAt("acceptOrder").variables().containsEntry("deptCode", "urban")
                .containsEntry("status", "DISPATCHED");
        assertThat(driver.task(pi, "acceptOrder")).hasCandidateGroup("dept:urban");
        assertThat(card(pi)).containsEntry("状态", "待部门接单").containsEntry("责任部门", "城市管理局");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("DEPT_CODE", "urban");
        assertThat(users.as("urban", () -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(pi.getId()).count())).as("the new department follows the order").isOne();
        assertThat(driver.events(pi.getBusinessKey())).containsExactly("ORDERED", "DISPATCHED", "DECLINED", "DISPATCHED");
    }

    @Test
    void notConfirmedGoesBackToTheDepartment() {
        ProcessInstance pi = resources.order("secretary", "category", "FUNDS", "need", "楼道照明改造", "amount", 5_000L);
        assertThat(driver.task(pi, "acceptOrder")).hasCandidateGroup("dept:finance");
        driver.complete(pi, "acceptOrder", "accepted", true);
        driver.complete(pi, "completeOrder", "result", "已拨付", "amount", 5_000L);
        assertThatThrownBy(() -> driver.complete(pi, "confirmOrder", "confirmed", false))
                .hasMessageContaining("请说明情况");
        driver.complete(pi, "confirmOrder", "confirmed", false, "comment", "还有两个单元未改造");
        assertThat(pi).isWaitingAt("completeOrder").variables().containsEntry("status", "ACCEPTED");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("STATUS", "ACCEPTED")
                .containsEntry("COMPLETED_AT", null);
        assertThat(driver.events(pi.getBusinessKey())).endsWith("COMPLETED", "REOPENED");
    }

    @Test
    void aLongNeedIsShortenedInTheTitle() {
        ProcessInstance pi = resources.order("secretary", "category", "POLICY",
                "need", "希望为辖区内的新就业群体提供临时休息和充电的场所并完善相关配套政策");
        assertThat(card(pi)).containsEntry("事项", "政策支持：希望为辖区内的新就业群体提供临时休息和充电的场所…");
    }

    @Test
    void anOrderNeedsACategoryANeedAndForFundsAnAmount() {
        assertThatThrownBy(() -> resources.order("secretary", "category", "MONEY", "need", "x"))
                .hasMessageContaining("请选择资源类别");
        assertThatThrownBy(() -> resources.order("secretary", "category", "POLICY", "need", " "))
                .hasMessageContaining("需求说明");
        assertThatThrownBy(() -> resources.order("secretary", "category", "FUNDS", "need", "要钱"))
                .hasMessageContaining("资金倾斜类点单请填写所需金额");
        assertThatThrownBy(() -> resources.order("secretary", "category", "POLICY", "need", "x",
                "communityCode", "C-XJ-01")).hasMessageContaining("只能为本社区提交");
    }

    @Test
    void theCommunityChoosesAmongTheDepartmentsOfferingTheCategoryThisMonth() {
        driver.clockAt(LocalDateTime.of(2033, 5, 10, 9, 0));
        offer(YearMonth.of(2033, 5), "SERVICE", "urban");
        offer(YearMonth.of(2033, 5), "SERVICE", "health");
        offer(YearMonth.of(2033, 6), "SERVICE", "culture");
        assertThat(orders.offering("SERVICE")).isEqualTo(new CommunityOrders.Offering(List.of("health", "urban"), false));
        assertThat(orders.offering("POLICY")).as("nobody offers it: the category's own department")
                .isEqualTo(new CommunityOrders.Offering(List.of("approval"), true));

        ProcessInstance pi = resources.order("secretary", "category", "SERVICE", "need", "社区普法讲座",
                "chosenDept", "urban");
        assertThat(pi).isWaitingAt("acceptOrder").variables().containsEntry("chosenDept", "urban")
                .containsEntry("deptCode", "urban").containsEntry("deptName", "城市管理局");
        assertThat(driver.task(pi, "acceptOrder")).hasCandidateGroup("dept:urban");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("CHOSEN_DEPT", "urban")
                .containsEntry("DEPT_CODE", "urban");

        assertThatThrownBy(() -> resources.order("secretary", "category", "SERVICE", "need", "社区普法讲座",
                "chosenDept", "culture")).hasMessage("本月没有该部门提供的“服务下沉”资源，请从以下部门中选择：卫生健康局、城市管理局");
        ProcessInstance policy = resources.order("secretary", "category", "POLICY", "need", "新就业群体驿站政策",
                "chosenDept", "approval");
        assertThat(driver.task(policy, "acceptOrder")).hasCandidateGroup("dept:approval");
    }

    @Test
    void notAcceptedWithin24HoursGoesBackToTheCityCenter() {
        ProcessInstance pi = resources.order("secretary", "category", "SERVICE", "need", "楼道清理");
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("acceptTimeout").singleResult();
        assertThat(timer.getDuedate()).as("24 clock hours, nights and weekends included")
                .isEqualTo(Date.from(LocalDateTime.of(2031, 3, 13, 9, 30).atZone(EngineClock.ZONE).toInstant()));

        driver.fireTimer(pi, "acceptTimeout");
        assertThat(pi).isWaitingAt("reassignOrder").hasPassed("returnOrder").hasNotPassed("declineOrder").variables()
                .containsEntry("status", "TIMED_OUT").containsEntry("reason", "民政局24小时内未接单，退回市城市党建服务中心改派");
        assertThat(card(pi)).containsEntry("状态", "超时未接单，待中心改派");
        assertThat(driver.task(pi, "reassignOrder")).hasCandidateGroup("city-center");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("STATUS", "TIMED_OUT");
        assertThat(driver.events(pi.getBusinessKey())).containsExactly("ORDERED", "DISPATCHED", "ACCEPT_TIMEOUT");

        users.run("center", () -> driver.complete(pi, "reassignOrder", "deptCode", "urban"));
        assertThat(pi).isWaitingAt("acceptOrder").variables().containsEntry("status", "DISPATCHED");
        assertThat(resources.orderRow(pi.getBusinessKey())).containsEntry("STATUS", "DISPATCHED")
                .containsEntry("DEPT_CODE", "urban");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("acceptTimeout").singleResult()).as("the new department has its own 24 hours").isNotNull();
        users.run("urban", () -> driver.complete(pi, "acceptOrder", "accepted", true));
        assertThat(pi).isWaitingAt("completeOrder");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count())
                .as("accepted in time: no timer left").isZero();
    }

    private void offer(YearMonth month, String category, String dept) {
        list.publish(new ResourceList.Draft(month.toString(), category, "点单测试" + month + dept, "", dept, "10", "",
                month.atDay(1).toString(), month.atEndOfMonth().toString()));
    }

    /** The order's Tasklist card, checked to read as words. */
    private Map<String, Object> card(ProcessInstance pi) {
        return TaskCards.assertInWords(ResourceFilters.COLUMNS, engine.getRuntimeService().getVariables(pi.getId()));
    }
}
