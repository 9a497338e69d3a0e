package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The joint-handling forms as the area committee sees them in a Chinese Tasklist: the meeting card and form show
 * words and the case number (no {{templates}} left, no codes), the convener moves the meeting to another free slot
 * by clicking, and the approval form says why escalation is asked and what the handler reported. Screenshots under
 * target/browser. Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class JointHandlingFormsBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;

    private Tasklist tasklist;
    private WebDriverWait wait;

    @BeforeEach
    void openTasklist() {
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        wait = tasklist.wait;
    }

    @Test
    void theConvenerSeesTheMeetingInWordsAndMovesItToAnotherSlot() {
        ProcessInstance pi = issues.file("title", "浏览器会商 " + System.nanoTime(), "category", "HOUSING",
                "multiDepartment", true);
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        String caseNo = pi.getBusinessKey();
        String taskId = issues.task(pi, "meet").getId();
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, String>> slots = (List<java.util.Map<String, String>>) issues.variable(pi,
                "meetingSlots");
        String newSlot = slots.get(1).get("label"); // near the top of the dropdown, no scrolling within it
        try {
            tasklist.logIn("committee");
            tasklist.openFilter("本级待会商");
            WebElement card = tasklist.card(taskId);
            assertThat(card.getText()).contains(caseNo);
            // a card shows its first two columns; the arrow opens the others
            card.findElement(By.cssSelector("a.glyphicon-menu-down")).click();
            wait.until(d -> card.getText().contains("时效"));
            browser.save("jh-forms-1-meeting-card");
            assertThat(card.getText()).contains("黄色", "第三级（片区）", "联席会商", "2026-", "正常", "住房和城乡建设局")
                    .doesNotContain("YELLOW", "MEETING", "GREEN");
            card.findElement(By.cssSelector("h4.task a")).click();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(d -> form.getText().contains(caseNo));
            assertThat(form.getText()).contains("会议时间", issues.variable(pi, "meetingTimeLabel").toString(),
                    issues.variable(pi, "meetingPlace").toString(), "住房和城乡建设局（建议）")
                    .doesNotContain("{{", "YELLOW");
            assertThat(form.findElement(By.linkText("查看案件全貌")).getAttribute("href")).endsWith("/cases/" + caseNo);
            browser.save("jh-forms-2-meeting-form");

            tasklist.claim();
            tasklist.click(By.cssSelector("input[id$='-meet_moveMeeting']"));
            tasklist.click(By.cssSelector("[id$='-meet_meetingSlot-display']"));
            tasklist.click(By.xpath(
                    "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + newSlot + "']"));
            browser.save("jh-forms-3-meeting-moved");
            tasklist.complete();
            wait.until(d -> newSlot.equals(runtime.getVariable(pi.getId(), "meetingTimeLabel")));
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "meeting", e);
        }
        assertThat(issues.events(caseNo)).contains("MEETING_MOVED");
        assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("meet");
    }

    @Test
    void theApprovalFormSaysWhyEscalationIsAskedAndWhatTheHandlerReported() {
        ProcessInstance pi = issues.file("title", "浏览器升级 " + System.nanoTime(), "category", "HOUSING",
                "multiDepartment", true);
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        issues.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline",
                EngineClock.now().toLocalDate().plusDays(1).toString(), "minutes", "住建局牵头");
        issues.complete(pi, "handle", "result", "需街道统筹资金", "resolved", false);
        String taskId = issues.task(pi, "approveEscalation").getId();
        try {
            tasklist.logIn("committee");
            tasklist.openFilter("待审批升级");
            tasklist.card(taskId).findElement(By.cssSelector("h4.task a")).click();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(d -> form.getText().contains(pi.getBusinessKey()));
            browser.save("jh-forms-4-approval-form");
            assertThat(form.getText()).contains("牵头部门报告本级无法解决", "住房和城乡建设局 未解决：需街道统筹资金", "会商决定")
                    .doesNotContain("{{", "办理时限届满");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "approval", e);
        }
    }

    /** Issue 13: the convener picks the meeting's venue and time from the free slots, through its own filter. */
    @Test
    void theConvenerPicksAFreeSlotAndTheInvitationGoesOutForIt() {
        ProcessInstance pi = issues.file("title", "浏览器定会 " + System.nanoTime(), "category", "HOUSING",
                "multiDepartment", true);
        issues.complete(pi, "rate", "color", "YELLOW");
        String caseNo = pi.getBusinessKey();
        String taskId = issues.task(pi, "scheduleMeeting").getId();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> choices = (List<Map<String, String>>) issues.variable(pi, "meetingChoices");
        Map<String, String> chosen = choices.get(choices.size() / 2);
        String label = chosen.get("label");
        try {
            tasklist.logIn("committee");
            tasklist.openFilter("本级待定会议时间");
            WebElement card = tasklist.card(taskId);
            assertThat(card.getText()).contains(caseNo);
            card.findElement(By.cssSelector("h4.task a")).click();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(d -> form.getText().contains(caseNo));
            assertThat(form.getText()).contains("选定联席会议时间", "会议地点和时段", "第三级（片区）")
                    .doesNotContain("{{", "YELLOW", "V-A-");
            browser.save("meeting-schedule-1-form");

            tasklist.claim();
            tasklist.click(By.cssSelector("input[id$='-schedule_meetingChoice']"));
            WebElement search = browser.driver.findElement(By.cssSelector("input[id$='-schedule_meetingChoice']"));
            // the list is long (venues × days × hours): search by the slot's date and hour
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), label.substring(label.lastIndexOf(' ') - 10,
                    label.lastIndexOf(' ') + 6));
            tasklist.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='"
                    + label + "']"));
            browser.save("meeting-schedule-2-chosen");
            tasklist.complete();
            wait.until(d -> runtime.getActiveActivityIds(pi.getId()).contains("meet"));
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "slot", e);
        }
        assertThat(label).endsWith(runtime.getVariable(pi.getId(), "meetingTimeLabel").toString());
        assertThat(issues.events(caseNo)).contains("MEETING_CONVENED");
        assertThat(issues.mails(pi)).anyMatch(m -> m.startsWith("MEETING_INVITATION"));
    }
}
