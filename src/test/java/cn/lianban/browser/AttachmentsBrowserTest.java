package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.cases.AttachmentChecks;
import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * A grid worker's photo reaches the department in its task: 城管局 opens the ticket from its own filter in Tasklist,
 * claims it, follows the form's link 查看/上传附件（照片） and sees the photo as a thumbnail on the case page, linking to the
 * full picture. Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class AttachmentsBrowserTest extends ChineseBrowserTest {

    @Autowired
    TicketDriver tickets;
    @Autowired
    IssueDriver driver;
    @Autowired
    AsUser users;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDepartmentFollowsItsTaskFormToThePhotoThumbnail() throws Exception {
        ProcessInstance pi = users.as("gridworker", () -> tickets.raise());
        String key = pi.getBusinessKey();
        long photo = new AttachmentChecks(rest, jdbc).upload("gridworker", key, "占道现场.jpg",
                AttachmentChecks.phonePhoto(1600, 1200));
        Tasklist tasklist = new Tasklist(browser, base());
        WebDriver web = tasklist.web;
        WebDriverWait wait = tasklist.wait;
        try {
            tasklist.logIn("urban");
            tasklist.openFilter("本部门待接单");
            tasklist.card(driver.task(pi, "accept").getId()).findElement(By.cssSelector("h4.task a")).click();
            wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-form"))
                    .stream().anyMatch(f -> f.getText().contains(key)));
            // an unclaimed task's form lies under Tasklist's overlay: the department claims it, as to work on it
            tasklist.claim();
            browser.save("attachments-task-form");
            WebElement link = wait.ignoring(StaleElementReferenceException.class).until(
                    ExpectedConditions.elementToBeClickable(By.linkText("查看/上传附件（照片）")));
            assertThat(link.getAttribute("href")).endsWith("/cases/" + key + "#attachments");
            List<String> before = new ArrayList<>(web.getWindowHandles());
            link.click();
            // form-js may open its links in a new tab; a person then looks at that tab
            wait.until(d -> d.getWindowHandles().size() > before.size() || d.getCurrentUrl().contains("/cases/")
                    || d.getCurrentUrl().contains("/login"));
            web.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst()
                    .ifPresent(h -> web.switchTo().window(h));
            wait.until(d -> d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("/cases/" + key));
            browser.logInWhereAsked("urban", "demo");
            wait.until(ExpectedConditions.urlContains("/cases/" + key));
            By thumbnail = By.cssSelector("#attachments .photos img");
            WebElement img = wait.until(ExpectedConditions.visibilityOfElementLocated(thumbnail));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", img)).intValue() > 0);
            browser.save("attachments-case-page");
            long width = ((Number) ((JavascriptExecutor) web).executeScript("return arguments[0].naturalWidth", img))
                    .longValue();
            assertThat(width).as("the thumbnail, not the 1600 px photo").isEqualTo(240);
            assertThat(img.getAttribute("src")).endsWith("/api/attachments/" + photo + "/thumbnail");
            assertThat(img.findElement(By.xpath("./..")).getAttribute("href")).endsWith("/api/attachments/" + photo);
            assertThat(web.findElement(By.id("attachments")).getText()).contains("占道现场.jpg", "KB）", "选择文件")
                    .doesNotContain("image/jpeg");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "thumbnail", e);
        }
    }
}
