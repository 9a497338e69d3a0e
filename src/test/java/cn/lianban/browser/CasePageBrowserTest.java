package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The link every task form carries, {@code [查看案件全貌](/cases/{{caseNo}})}, followed from inside Tasklist in a
 * Chinese browser lands on the case page (after the project's login, as long as Tasklist and the pages log in
 * apart). Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class CasePageBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    AsUser users;

    private Tasklist tasklist;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void openTasklist() {
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        web = tasklist.web;
        wait = tasklist.wait;
    }

    @Test
    void theCaseLinkInTasklistOpensTheCasePage() {
        String key = users.as("secretary", () -> issues.file("title", "浏览器里的案件全貌")).getBusinessKey();
        try {
            tasklist.logIn("secretary");

            // the link as form-js renders the markdown of a task form, clicked inside Tasklist's page
            ((JavascriptExecutor) web).executeScript("var a = document.createElement('a');"
                    + "a.href = '/cases/" + key + "'; a.id = 'case-link'; a.textContent = '查看案件全貌';"
                    + "a.style.cssText = 'position:fixed;bottom:20px;left:20px;z-index:99999';"
                    + "document.body.appendChild(a);");
            web.findElement(By.id("case-link")).click();

            wait.until(d -> d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("/cases/" + key));
            browser.logInWhereAsked("secretary", "demo");
            wait.until(ExpectedConditions.urlContains("/cases/" + key));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            browser.save("case-page");
            assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("浏览器里的案件全貌");
            assertThat(web.findElement(By.tagName("main")).getText()).contains(key).contains("办理经过")
                    .contains("待评级").contains("提报").contains("选择文件").doesNotContain("RATING");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "case-link", e);
        }
    }
}
