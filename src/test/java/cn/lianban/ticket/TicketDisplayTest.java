package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.CaseClock;
import cn.lianban.common.TimeLight;
import cn.lianban.directory.Directory;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * What Tasklist cards and forms read from a ticket, step by step: the case number, the status and department in
 * Chinese, the deadline as people write it and the 时效灯 of the clock that runs (raised Monday 2026-03-02 10:00).
 */
class TicketDisplayTest extends ProcessTestBase {

    @Autowired
    TicketDriver tickets;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Directory directory;
    @Autowired
    cn.lianban.calendar.WorkingCalendar calendar;

    @Test
    void eachStepShowsItsStatusDepartmentDeadlineAndLightInWords() {
        ProcessInstance pi = tickets.raise();
        assertThat(display(pi)).containsEntry("caseNo", pi.getBusinessKey()).containsEntry("itemName", "占道经营")
                .containsEntry("communityName", directory.community("C-DL-01").orElseThrow().name())
                .containsEntry("gridName", directory.grid("G-DL-01-01").orElseThrow().name())
                .containsEntry("statusLabel", "待接单").containsEntry("deptName", "城市管理局")
                .containsEntry("dueLabel", "2026-03-03 10:00") // 24 hours to accept
                .containsEntry("timeLight", "GREEN").containsEntry("timeLightLabel", "正常");

        driver.clockAt(LocalDateTime.of(2026, 3, 2, 11, 30));
        driver.complete(pi, "accept", "accepted", true);
        assertThat(display(pi)).containsEntry("statusLabel", "办理中").containsEntry("deptName", "城市管理局")
                .containsEntry("acceptedAtLabel", "2026-03-02 11:30")
                .containsEntry("dueLabel", "2026-03-05 18:00") // 3 working days
                .containsEntry("timeLight", "GREEN").containsEntry("timeLightLabel", "正常");
        assertThat(runtime.getVariable(pi.getId(), CaseClock.START)).isEqualTo(at(2026, 3, 2, 11, 30));

        driver.clockAt(LocalDateTime.of(2026, 3, 4, 16, 0));
        driver.complete(pi, "resolve", "result", "已劝离摊贩");
        assertThat(display(pi)).containsEntry("statusLabel", "待确认").containsEntry("resolvedAtLabel", "2026-03-04 16:00")
                .containsEntry("dueLabel", "2026-03-05 18:00")
                .doesNotContainKeys("timeLight", "timeLightLabel");

        driver.complete(pi, "confirm", "solved", true);
        assertThat(display(pi)).containsEntry("statusLabel", "待回访").doesNotContainKey("timeLight");

        driver.complete(pi, "rate", "satisfaction", 5);
        assertThat(historic(pi, "statusLabel")).isEqualTo("已办结");
        assertThat(historic(pi, "status")).isEqualTo("CLOSED");
        assertThat(historic(pi, "timeLightLabel")).isNull();
    }

    @Test
    void theAcceptClockTurnsYellowWithAFifthLeftAndRedAtTheLimit() {
        ProcessInstance pi = tickets.raise();
        driver.clockAt(LocalDateTime.of(2026, 3, 3, 5, 0)); // 5 of 24 hours left
        assertThat(light(pi)).isEqualTo(TimeLight.GREEN);
        driver.clockAt(LocalDateTime.of(2026, 3, 3, 5, 30)); // 4.5 hours left: less than a fifth
        assertThat(light(pi)).isEqualTo(TimeLight.YELLOW);
        driver.clockAt(LocalDateTime.of(2026, 3, 3, 10, 0));
        assertThat(light(pi)).isEqualTo(TimeLight.RED);

        driver.fireTimer(pi, "acceptTimeout");
        assertThat(display(pi)).as("the street desk works without a clock").containsEntry("statusLabel", "待派单")
                .doesNotContainKeys("timeLight", "timeLightLabel");
        assertThat((String) display(pi).get("streetReason")).contains("城市管理局未在 24 小时内接单", "2026-03-03 10:00");
        assertThat(display(pi)).as("the lapsed accept deadline is not shown as the street's").doesNotContainKey("dueLabel");
    }

    @Test
    void theResolveClockIsRedOnceTheLimitHasPassed() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.fireTimer(pi, "resolveOverdue");
        assertThat(display(pi)).containsEntry("statusLabel", "办理中").containsEntry("timeLight", "RED")
                .containsEntry("timeLightLabel", "逾期");
    }

    @Test
    void anOffListTicketIsNamedSoAndWaitsForTheStreetWithoutDepartment() {
        ProcessInstance pi = tickets.raise("itemCode", "", "description", "小区门口井盖松动，夜里踩上去会响");
        Map<String, Object> shown = display(pi);
        assertThat(shown).containsEntry("itemName", "清单外事项").containsEntry("statusLabel", "待派单")
                .doesNotContainKey("timeLightLabel").containsEntry("title", "小区门口井盖松动，夜里踩上去会响")
                .containsEntry("streetReason", "问题不在权责清单内，需由街道确定承办部门。");
        assertThat(shown).doesNotContainKey("deptName").doesNotContainKey("dueLabel");

        driver.complete(pi, "redispatch", "deptCode", "housing");
        assertThat(display(pi)).containsEntry("itemName", "清单外事项").containsEntry("deptName", "住房和城乡建设局")
                .containsEntry("statusLabel", "待接单").containsEntry("timeLightLabel", "正常");
    }

    @Test
    void returnsAreListedWithDepartmentAndReasonForTheStreet() {
        ProcessInstance pi = tickets.raise();
        driver.clockAt(LocalDateTime.of(2026, 3, 2, 10, 20));
        driver.complete(pi, "accept", "accepted", false, "returnReason", "属于市场监管\n职责");
        assertThat(display(pi)).containsEntry("statusLabel", "待派单").containsEntry("deptName", "城市管理局")
                .doesNotContainKey("dueLabel").containsEntry("streetReason", "城市管理局退单，请核实后改派。")
                .containsEntry("returnHistory", "- 第1次 · 城市管理局 · 2026-03-02 10:20：属于市场监管 职责");

        driver.complete(pi, "redispatch", "deptCode", "market");
        assertThat(display(pi)).containsEntry("deptName", "市场监督管理局").containsEntry("statusLabel", "待接单");
        driver.clockAt(LocalDateTime.of(2026, 3, 2, 11, 0));
        driver.complete(pi, "accept", "accepted", false, "returnReason", "摊贩占道归城管");
        assertThat(display(pi)).containsEntry("streetReason", "已被退单2次，须由街道裁定承办部门，裁定后不得再退单。")
                .containsEntry("returnHistory", "- 第1次 · 城市管理局 · 2026-03-02 10:20：属于市场监管 职责\n"
                        + "- 第2次 · 市场监督管理局 · 2026-03-02 11:00：摊贩占道归城管");

        driver.complete(pi, "decide", "deptCode", "urban", "decisionNote", "占道经营由城管负责");
        assertThat(display(pi)).containsEntry("deptName", "城市管理局").containsEntry("statusLabel", "办理中")
                .containsEntry("acceptedAtLabel", "2026-03-02 11:00").containsEntry("timeLightLabel", "正常");
        assertThat(driver.events(pi.getBusinessKey())).contains("IMPOSED");
    }

    private Map<String, Object> display(ProcessInstance pi) {
        return runtime.getVariables(pi.getId());
    }

    /** A variable's last value; null also when the process removed it. */
    private Object historic(ProcessInstance pi, String name) {
        var v = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    /** The light of the running clock as of the engine's now, as a refresher would set it. */
    private TimeLight light(ProcessInstance pi) {
        return CaseClock.current((Date) runtime.getVariable(pi.getId(), CaseClock.START),
                (Date) runtime.getVariable(pi.getId(), CaseClock.DUE), calendar::isWorkingDay);
    }

    private static Date at(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(cn.lianban.common.EngineClock.ZONE).toInstant());
    }
}
