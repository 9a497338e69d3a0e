package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.LianbanTest;

/**
 * The Camunda webapps in a real (headless) browser: Chinese for a browser that asks for Chinese (and for any
 * language other than English), English for one that asks for English, and no Camunda 8 migration banner.
 * Everyone logs in at the project's (Chinese) login page; the webapps' own sign-in form is never used.
 * Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class ChineseWebappsBrowserTest {

    private static final By SIGN_OUT = By.cssSelector("[cam-widget-header] li.logout a");
    private static final By BANNER = By.cssSelector("[cam-widget-header] .ce-eol-banner");

    @LocalServerPort
    int port;

    private Browser browser;
    private Tasklist tasklist;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void chromiumInstalled() {
        Browser.assumeInstalled("ChineseWebappsBrowserTest");
    }

    @Test
    void aChineseBrowserGetsTasklistInChineseWithoutTheCamunda8Banner() throws Exception {
        open("zh-CN");
        try {
            assertThat(((JavascriptExecutor) web).executeScript("return navigator.languages[0]")).isEqualTo("zh-CN");
            tasklist.logIn("housing");

            // the task pane before a task is chosen, and the footer with the time zone
            WebElement noTask = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-task")));
            assertThat(noTask.getText()).contains("请在列表中选择一个任务。");
            WebElement timezone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("footer-timezone")));
            // the browser runs in Asia/Shanghai (Browser): a Chinese page names it as people here do
            wait.until(ExpectedConditions.textToBePresentInElement(timezone, "北京时间"));
            assertThat(timezone.getText()).contains("日期和时间按本地时区显示").doesNotContain("Asia/Shanghai");
            // what a screen reader reads of the alerts' close buttons, hidden from sight
            wait.until(d -> {
                List<String> texts = screenReaderTexts();
                return !texts.isEmpty() && !texts.contains("Close");
            });
            assertThat(screenReaderTexts()).contains("关闭");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'task-filter')]//a[contains(normalize-space(.),'本部门待认领')]")));
            expectSignOut("退出登录");
            expectHiddenBanner();
            browser.save("zh-tasklist");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "tasklist", e);
        }
    }

    /**
     * Now and then Tasklist draws the sorting (CREATION_DATE) and the search (SEARCH_PLACEHOLDER) before its
     * translation has loaded and never again; the fallback script puts the words in. The test draws such keys itself.
     */
    @Test
    void aKeyTasklistLeftUntranslatedGetsItsChineseWord() throws Exception {
        open("zh-CN");
        try {
            tasklist.logIn("housing");
            ((JavascriptExecutor) web).executeScript("const probe = document.createElement('div');"
                    + "probe.id = 'probe'; probe.innerHTML = '<a> CREATION_DATE </a><input placeholder=\"SEARCH_PLACEHOLDER\">';"
                    + "document.body.appendChild(probe);");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#probe a"), "创建时间"));
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#probe input"), "placeholder", "筛选任务"));
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "keys", e);
        }
    }

    @Test
    void aChineseBrowserGetsCockpitAdminAndWelcomeInChinese() throws Exception {
        open("zh-CN");
        browser.logIn(base(), "admin", "demo");
        Map<String, String> headers = Map.of("cockpit", "联办 流程监控", "admin", "联办 系统管理", "welcome", "联办 首页");
        for (String app : List.of("cockpit", "admin", "welcome")) {
            try {
                web.get(url(app));
                browser.awaitWebapp(By.cssSelector(".brand-name"), app);
                // the header names the product, not the engine
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".brand-name"),
                        headers.get(app)));
                expectSignOut("退出登录");
                expectHiddenBanner();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("footer-timezone"), "北京时间"));
                browser.save("zh-" + app);
            } catch (RuntimeException | AssertionError e) {
                throw browser.failed(getClass(), app, e);
            }
        }
    }

    @Test
    void anEnglishBrowserGetsEnglish() throws Exception {
        open("en-US");
        try {
            tasklist.logIn("housing");
            WebElement noTask = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-task")));
            assertThat(noTask.getText()).contains("Select a task in the list.");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("footer-timezone"), "Asia/Shanghai"));
            assertThat(screenReaderTexts()).contains("Close").doesNotContain("关闭");
            expectSignOut("Log out");
            expectHiddenBanner();
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "english", e);
        }
    }

    @Test
    void aBrowserInAnotherLanguageGetsChinese() throws Exception {
        open("fr-FR");
        try {
            tasklist.logIn("housing");
            WebElement noTask = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-task")));
            assertThat(noTask.getText()).contains("请在列表中选择一个任务。");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "other", e);
        }
    }

    private void open(String lang) throws Exception {
        browser = Browser.shared(lang, base());
        tasklist = new Tasklist(browser, base());
        web = tasklist.web;
        wait = tasklist.wait;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String url(String app) {
        return base() + "/camunda/app/" + app + "/";
    }

    /** The user menu's 退出 once the translations are in (until then it shows the key). */
    private void expectSignOut(String text) {
        wait.until(ExpectedConditions.presenceOfElementLocated(SIGN_OUT));
        wait.until(d -> text.equals(d.findElement(SIGN_OUT).getAttribute("textContent").strip()));
    }

    /** The texts hidden from sight for screen readers (Bootstrap's sr-only), as a screen reader reads them. */
    @SuppressWarnings("unchecked")
    private List<String> screenReaderTexts() {
        return (List<String>) ((JavascriptExecutor) web).executeScript(
                "return [...document.querySelectorAll('.sr-only')].map(e => e.textContent.trim());");
    }

    /** Camunda renders the banner for every user; user-styles.css keeps it from showing. */
    private void expectHiddenBanner() {
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(BANNER));
        assertThat(banner.isDisplayed()).as("Camunda 8 banner shown").isFalse();
        assertThat(banner.getAttribute("textContent")).contains("Camunda 8");
    }
}
