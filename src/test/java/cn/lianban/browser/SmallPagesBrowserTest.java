package cn.lianban.browser;

import static cn.lianban.browser.Tasklist.taskCard;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.ResourceDriver;

/**
 * In a Chinese browser: a department finds a community's resource claim in Tasklist, its card and form in
 * words (the number, the item, the status, names, no codes and no unfilled {@code {{…}}}), and approves it;
 * an administrator's mail queue with a very long subject and recipient list fits a 1280 px screen; the SMS queue
 * shows a failed message with the phone masked and sends it again.
 * Screenshots under target/browser. Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class SmallPagesBrowserTest extends ChineseBrowserTest {

    @Autowired
    ResourceDriver resources;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    private Tasklist tasklist;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void openTasklist() {
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        web = tasklist.web;
        wait = tasklist.wait;
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void aDepartmentReadsAndApprovesAClaimInWords() {
        String item = resources.publish(YearMonth.from(EngineClock.now()), "FUNDS", null, 80_000L);
        String itemName = resources.item(item).name();
        ProcessInstance pi = resources.claim("secretary", "itemCode", item, "need", "修缮健身场地", "amount", 12_000L,
                "places", null);
        String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        try {
            tasklist.logIn("housing");
            tasklist.openFilter("本部门资源事项");
            // the card shows the number and the title; its arrow opens the other columns
            wait.until(d -> d.findElement(taskCard(taskId)).getText().contains(pi.getBusinessKey()));
            assertThat(web.findElement(taskCard(taskId)).getText()).contains("编号", "事项", itemName);
            web.findElement(taskCard(taskId)).findElement(By.cssSelector(".task-card-details + a, a.glyphicon-menu-down"))
                    .click();
            wait.until(d -> d.findElement(taskCard(taskId)).getText().contains("待部门审批"));
            WebElement card = web.findElement(taskCard(taskId));
            assertThat(card.getText()).contains(pi.getBusinessKey(), itemName, "住房和城乡建设局", "资金倾斜", "12000")
                    .doesNotContain("CLAIMED", "housing", "C-DL-01", "名额", "<空>");
            browser.save("claim-card-zh");
            card.findElement(By.cssSelector("h4.task a")).click();

            tasklist.claim();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(d -> form.getText().contains(pi.getBusinessKey()));
            assertThat(form.getText()).contains("承接编号 " + pi.getBusinessKey(), "待部门审批", itemName,
                    "责任部门：住房和城乡建设局", "申请金额 12000 元", "修缮健身场地", "查看清单项目")
                    .doesNotContain("{{", "申请名额", "housing", "FUNDS");
            assertThat(form.findElement(By.linkText("查看清单项目")).getAttribute("href"))
                    .endsWith("/resources/" + item + "/claim");
            browser.save("claim-form-zh");

            tasklist.click(Tasklist.radio("approve_approved", "批准"));
            tasklist.complete();
            wait.until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "claim", e);
        }
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("deliver");
    }

    @Test
    void theMailQueueFitsA1280PixelScreen() {
        String subject = "【联办】JH-2026-009999 已交办：" + "东岭小区三号楼至五号楼之间道路照明设施长期损坏".repeat(4);
        String recipients = String.join(",", Collections.nCopies(12, "very.long.department.mailbox@lianban.demo"));
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("INSERT INTO mail_outbox (created_at, recipients, subject, body_html, business_key, kind, status,"
                        + " attempts, next_attempt_at, last_error) VALUES (?,?,?,?,?,?,?,?,?,?)",
                Timestamp.valueOf(now), recipients, subject.substring(0, Math.min(subject.length(), 255)), "<p>正文</p>",
                "JH-2026-009999", "ASSIGNED", "FAILED", 8, Timestamp.valueOf(now),
                "MailConnectException: Couldn't connect to host, port: localhost, 3025; timeout -1");
        try {
            ((ChromeDriver) web).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            // the page asks for the login and comes back after it
            web.get("http://localhost:" + port + "/admin/mail");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
            web.findElement(By.id("password")).sendKeys("demo");
            web.findElement(By.cssSelector("form button[type='submit']")).click();
            WebElement failed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
            assertThat(failed.getText()).contains("交办通知", "无法连接邮件服务器").doesNotContain("ASSIGNED");
            JavascriptExecutor js = (JavascriptExecutor) web;
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
            assertThat(viewport).isEqualTo(1280);
            assertThat(scrollWidth).as("no horizontal scrolling at 1280 px").isLessThanOrEqualTo(viewport);
            browser.save("admin-mail-1280");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "mail", e);
        } finally {
            jdbc.update("DELETE FROM mail_outbox WHERE business_key = 'JH-2026-009999'");
        }
    }

    @Test
    void anAdministratorSeesAFailedSmsWithTheMiddleDigitsHiddenAndSendsItAgain() {
        LocalDateTime now = LocalDateTime.now(EngineClock.ZONE); // the outbox writes Beijing wall-clock times
        jdbc.update("INSERT INTO sms_outbox (created_at, phone, body, kind, business_key, status, attempts,"
                        + " next_attempt_at, last_error) VALUES (?,?,?,?,?,?,?,?,?)",
                Timestamp.valueOf(now), "13812345678", "【联办】您的工单TK-2026-009998已受理。", "TICKET_STATUS",
                "TK-2026-009998", "FAILED", 8, Timestamp.valueOf(now), "IllegalStateException: gateway unavailable");
        try {
            web.get("http://localhost:" + port + "/admin/sms");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
            web.findElement(By.id("password")).sendKeys("demo");
            web.findElement(By.cssSelector("form button[type='submit']")).click();
            WebElement failed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
            assertThat(failed.getText()).contains("工单进展", "138****5678", "短信服务商未接受这条短信",
                    "您的工单TK-2026-009998已受理。").doesNotContain("13812345678", "TICKET_STATUS");
            browser.save("admin-sms");
            failed.findElement(By.xpath(".//tr[td[contains(., 'TK-2026-009998')]]//button")).click();
            WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("message")));
            assertThat(message.getText()).contains("已重新排队，将在下一轮发送。");
            assertThat(web.findElement(By.id("pending")).getText()).contains("138****5678");
            browser.save("admin-sms-retried");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "sms", e);
        } finally {
            jdbc.update("DELETE FROM sms_outbox WHERE business_key = 'TK-2026-009998'");
        }
    }
}
