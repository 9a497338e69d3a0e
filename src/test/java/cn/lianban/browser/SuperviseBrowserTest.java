package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 督办签收 by hand (issue 13): the lead department of a YELLOW case has not claimed 牵头办理 within the acceptance
 * limit; the area committee finds the case under 待督办签收, reads who failed to accept, and reassigns the lead to
 * another department with an opinion; that department then finds the task under 本部门待认领, and its claim is the
 * acceptance. Screenshots under target/browser/flows/supervise/.
 */
@LianbanTest
class SuperviseBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCommitteeReassignsACaseNobodyAcceptedAndTheNewDepartmentFindsIt() {
        TasklistWalker walk = new TasklistWalker(browser, "http://localhost:" + port, "supervise");
        LocalDateTime now = LocalDateTime.now(EngineClock.ZONE);
        LocalDate deadline = calendar.addWorkingDays(now.toLocalDate(), 5);
        // filed and met 25 hours ago, so that the 24 hours to accept ran out an hour ago, as Tasklist's card says
        issues.clockAt(now.minusHours(25));
        ProcessInstance pi = issues.file("title", "楼道墙皮脱落 " + TasklistWalker.digits(), "category", "HOUSING",
                "multiDepartment", true, "households", 40L);
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        issues.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", deadline.toString(),
                "minutes", "住建局牵头");
        // nobody of 住建局 claims 牵头办理 within 24 hours: the level's unit supervises
        issues.fireTimer(pi, "acceptDeadline");
        ClockUtil.reset();
        assertThat(runtime.getActiveActivityIds(pi.getId())).contains("handle", "supervise");
        String caseNo = pi.getBusinessKey();
        try {
            walk.logInAs("committee");
            walk.openFilter("待督办签收");
            walk.openTask("督办签收", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains(caseNo).contains("牵头单位未在签收时限内签收本事项")
                    .contains("住房和城乡建设局").contains("黄色");
            walk.choose("督办方式", "改派：改由其他部门牵头（第三级及以上）");
            walk.choose("改派后的牵头部门", "城市管理局");
            walk.type("督办意见", "住建局超时未签收，改由城管局牵头，请今日签收");
            walk.complete();

            assertThat(runtime.getVariable(pi.getId(), "leadDept")).isEqualTo("urban");
            assertThat(issues.events(caseNo)).containsSubsequence("ACCEPT_OVERDUE", "LEAD_REASSIGNED");

            walk.logInAs("urban");
            walk.openFilter("本部门待认领");
            assertThat(walk.card("牵头办理", caseNo)).contains("城市管理局");
            walk.openTask("牵头办理", caseNo);
            // before the claim the form counts down to the acceptance limit and says so, not to the handling deadline
            assertThat(walk.formText()).contains(caseNo).contains("城市管理局").contains("签收时限")
                    .contains("认领本任务即签收").doesNotContainPattern("本级办理期限 \\d");
            // claiming 牵头办理 is the new lead's acceptance (签收)
            walk.claim();
            walk.shot("已签收");
            assertThat(issues.events(caseNo)).containsSubsequence("LEAD_REASSIGNED", "LEAD_ACCEPTED");
            assertThat(runtime.getVariable(pi.getId(), "acceptanceLabel")).isEqualTo("已签收");

            assertThat(walk.page("/cases/" + caseNo, "案件全貌")).contains("超时未签收督办").contains("督办改派牵头部门").contains("城市管理局")
                    .contains("签收");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
