package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * A department member works a joint-handling case in Camunda Tasklist with a real (headless) browser:
 * logs in at /login, opens the filter 本部门待认领, claims the case's 牵头办理 task, fills the Camunda Form and
 * completes it, in a Chinese browser; a screenshot of each step under target/browser/tasklist/. The case is prepared
 * and checked through the engine API.
 * Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IssueDriver issues;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    private Browser browser;
    private Tasklist tasklist;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        Browser.assumeInstalled("TasklistBrowserTest");
        browser = Browser.shared("zh-CN", "http://localhost:" + port);
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        wait = tasklist.wait;
    }

    @Test
    void aDepartmentMemberClaimsFillsAndCompletesTheHandlingTask() {
        String title = "浏览器测试 " + System.nanoTime() % 100000000;
        ProcessInstance pi = issues.file("title", title, "category", "HOUSING", "multiDepartment", true);
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        issues.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString(), "minutes", "住建局牵头办理");
        String taskId = issues.task(pi, "handle").getId();
        String result = "已组织维修，路灯恢复照明 " + title;

        long started = System.nanoTime();
        try {
            // the one login lands in Tasklist
            browser.logIn("http://localhost:" + port, "housing", "demo");
            tasklist.openFilter("本部门待认领");
            WebElement card = tasklist.card(taskId);
            assertThat(card.getText()).contains("牵头办理").contains(title);
            browser.save("tasklist/1-filter");
            card.findElement(By.cssSelector("h4.task a")).click();

            tasklist.claim();
            browser.save("tasklist/2-claimed");
            WebElement resultField = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("textarea.fjs-textarea[id$='-handle_result']")));
            resultField.sendKeys(result);
            tasklist.click(Tasklist.radio("handle_resolved", "已解决"));
            browser.save("tasklist/3-filled");
            tasklist.complete();

            // Tasklist closes the task once the engine has taken the completion
            wait.until(ExpectedConditions.invisibilityOfElementLocated(Tasklist.COMPLETE));
            wait.until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
            browser.save("tasklist/4-completed");
            System.out.printf("TasklistBrowserTest: login to completed task in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "handling", e);
        }

        HistoricTaskInstance handled = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(handled.getAssignee()).isEqualTo("housing");
        assertThat(handled.getEndTime()).isNotNull();
        assertThat(handled.getDeleteReason()).isEqualTo("completed");
        assertThat(runtime.getVariable(pi.getId(), "result")).isEqualTo(result);
        assertThat(runtime.getVariable(pi.getId(), "resolved")).isEqualTo(Boolean.TRUE);
        assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("evaluate");
        assertThat(runtime.getVariable(pi.getId(), "status")).isEqualTo("EVALUATING");
        assertThat(issues.events(pi.getBusinessKey())).contains("HANDLED");
        assertThat(issues.task(pi, "evaluate").getAssignee()).isNull();
    }
}
