package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 延期 by hand in a Chinese Tasklist (issue 13): the lead department ticks 申请延期 on its handling form with a date
 * and a reason, the area committee finds the request under 待审批延期, reads both deadlines and grants it. Screenshots
 * under target/browser/flows/extension/.
 */
@LianbanTest
class ExtensionBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    WorkingCalendar calendar;

    private TasklistWalker walk;

    @Test
    void theLeadAsksForAnExtensionAndTheCommitteeGrantsIt() {
        walk = new TasklistWalker(browser, "http://localhost:" + port, "extension");
        LocalDate today = EngineClock.now().toLocalDate();
        LocalDate deadline = calendar.addWorkingDays(today, 2);
        LocalDate extended = calendar.addWorkingDays(today, 6);
        ProcessInstance pi = issues.file("title", "外墙脱落 " + TasklistWalker.digits(), "category", "HOUSING",
                "multiDepartment", true);
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        issues.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", deadline.toString(),
                "minutes", "住建局牵头");
        String caseNo = pi.getBusinessKey();
        try {
            walk.logInAs("housing");
            walk.openFilter("本部门待认领");
            walk.openTask("牵头办理", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains("如需延期，可申请一次");
            walk.tick("申请延期（本次不报告办理结果，提交片区联合党委审批）");
            walk.date("延期至", extended);
            walk.type("延期理由", "脚手架搭设需等待物业审批");
            walk.complete();

            walk.logInAs("committee");
            walk.openFilter("待审批延期");
            walk.openTask("延期审批", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains("原办理期限 " + deadline + " 18:00")
                    .contains("申请延期至 " + extended + " 18:00").contains("脚手架搭设需等待物业审批");
            walk.choose("审批结论", "同意延期");
            walk.type("审批意见", "同意，请按期办结");
            walk.complete();
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
        assertThat(runtime.getVariable(pi.getId(), "dueDate")).isEqualTo(Date.from(
                LocalDateTime.of(extended, WorkingCalendar.END_OF_WORKING_DAY).atZone(EngineClock.ZONE).toInstant()));
        assertThat(runtime.getActiveActivityIds(pi.getId())).contains("handle");
        assertThat(issues.events(caseNo)).containsSubsequence("LEAD_ACCEPTED", "EXTENSION_REQUESTED",
                "EXTENSION_APPROVED");
    }
}
