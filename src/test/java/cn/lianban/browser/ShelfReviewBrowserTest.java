package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * 挂账复核 by hand (issue 13): a case on the register reaches its review date; the area committee finds it under
 * 挂账待复核, reads why it was put there, and resumes it with a note; the register then shows it resumed.
 * Screenshots under target/browser/flows/shelf-review/.
 */
@LianbanTest
class ShelfReviewBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    WorkingCalendar calendar;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCommitteeResumesACaseFromTheRegisterAtItsReview() {
        TasklistWalker walk = new TasklistWalker(browser, "http://localhost:" + port, "shelf-review");
        // put on the register ten days ago, to be reviewed on the last working day: the review is due already
        LocalDate today = LocalDate.now(EngineClock.ZONE);
        LocalDate review = calendar.previousWorkingDay(today);
        issues.clockAt(today.minusDays(10).atTime(10, 0));
        ProcessInstance pi = issues.file("title", "老旧管网改造 " + TasklistWalker.digits());
        String caseNo = pi.getBusinessKey();
        issues.complete(pi, "rate", "color", "GREEN");
        issues.complete(pi, "handle", "result", "管网改造需财政资金，社区无法解决", "resolved", false);
        tasks.complete(issues.task(pi, "approveEscalation").getId(), Map.of("approved", false, "comment",
                "暂不具备解决条件，挂账", "shelve", true, "shelfCategory", "FUNDS", "shelfReason",
                "改造资金需列入明年财政预算", "shelfReviewDate", review.toString()));
        issues.fireTimer(pi, "shelfReviewDue");
        ClockUtil.reset();
        assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("reviewShelf");
        try {
            walk.logInAs("committee");
            walk.openFilter("挂账待复核");
            assertThat(walk.card("挂账复核", caseNo)).contains("资金原因");
            walk.openTask("挂账复核", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains(caseNo).contains("资金原因：改造资金需列入明年财政预算")
                    .contains("本次复核日期 " + review + " 09:00");
            walk.choose("复核结论", "恢复办理（本级重新计时）");
            walk.type("复核意见", "预算已追加，恢复办理");
            walk.complete();

            assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("handle");
            assertThat(runtime.getVariable(pi.getId(), "shelfState")).isEqualTo("RESUMED");
            assertThat(issues.events(caseNo)).containsSubsequence("SHELVED", "SHELF_RESUMED");

            assertThat(walk.page("/issues/shelf", "挂账台账")).contains(caseNo).contains("已恢复办理").contains("预算已追加，恢复办理");

            assertThat(walk.page("/cases/" + caseNo, "案件全貌")).contains("挂账后恢复办理").contains("预算已追加，恢复办理");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
