package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
 * Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class ChineseWebappsBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
    private static final By SIGN_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");
    private static final By BANNER = By.cssSelector("[cam-widget-header] .ce-eol-banner");

    @LocalServerPort
    int port;

    private Browser browser;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void chromiumInstalled() {
        if (!Browser.installed()) {
            System.out.println("SKIPPING ChineseWebappsBrowserTest: " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
                    + " is missing; install them with: apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        Assumptions.assumeTrue(Browser.installed(),
                () -> Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + " is missing");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aChineseBrowserGetsTasklistInChineseWithoutTheCamunda8Banner() throws Exception {
        open("zh-CN");
        try {
            assertThat(((JavascriptExecutor) web).executeScript("return navigator.languages[0]")).isEqualTo("zh-CN");
            web.get(url("tasklist"));
            expectLoginPage("用户名", "密码", "登录");
            expectHiddenBanner();

            web.findElement(USERNAME).sendKeys("housing");
            web.findElement(PASSWORD).sendKeys("demo");
            web.findElement(SIGN_IN).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));

            // the task pane before a task is chosen, and the footer with the time zone
            WebElement noTask = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-task")));
            assertThat(noTask.getText()).contains("请在列表中选择一个任务。");
            WebElement timezone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("footer-timezone")));
            assertThat(timezone.getText()).contains("日期和时间按本地时区显示").contains("Asia/Shanghai");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'task-filter')]//a[contains(normalize-space(.),'本部门待认领')]")));
            expectHiddenBanner();
            browser.save("zh-tasklist");
        } catch (RuntimeException | AssertionError e) {
            browser.save("failure-" + getClass().getSimpleName() + "-tasklist");
            throw e;
        }
    }

    @Test
    void aChineseBrowserGetsCockpitAdminAndWelcomeInChinese() throws Exception {
        open("zh-CN");
        for (String app : List.of("cockpit", "admin", "welcome")) {
            try {
                web.get(url(app));
                expectLoginPage("用户名", "密码", "登录");
                expectHiddenBanner();
            } catch (RuntimeException | AssertionError e) {
                browser.save("failure-" + getClass().getSimpleName() + "-" + app);
                throw e;
            }
        }
    }

    @Test
    void anEnglishBrowserGetsEnglish() throws Exception {
        open("en-US");
        try {
            web.get(url("tasklist"));
            expectLoginPage("Username", "Password", "Log in");
            expectHiddenBanner();
        } catch (RuntimeException | AssertionError e) {
            browser.save("failure-" + getClass().getSimpleName() + "-english");
            throw e;
        }
    }

    @Test
    void aBrowserInAnotherLanguageGetsChinese() throws Exception {
        open("fr-FR");
        try {
            web.get(url("tasklist"));
            expectLoginPage("用户名", "密码", "登录");
        } catch (RuntimeException | AssertionError e) {
            browser.save("failure-" + getClass().getSimpleName() + "-other");
            throw e;
        }
    }

    private void open(String lang) throws Exception {
        browser = Browser.start(lang);
        web = browser.driver;
        wait = new WebDriverWait(web, PATIENCE);
    }

    private String url(String app) {
        return "http://localhost:" + port + "/camunda/app/" + app + "/";
    }

    /** The login form once the translations are in (until then the placeholders are empty or the keys). */
    private void expectLoginPage(String username, String password, String signIn) {
        wait.until(ExpectedConditions.attributeToBe(USERNAME, "placeholder", username));
        assertThat(web.findElement(PASSWORD).getAttribute("placeholder")).isEqualTo(password);
        assertThat(web.findElement(SIGN_IN).getText().trim()).isEqualTo(signIn);
    }

    /** Camunda renders the banner for every user; user-styles.css keeps it from showing. */
    private void expectHiddenBanner() {
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(BANNER));
        assertThat(banner.isDisplayed()).as("Camunda 8 banner shown").isFalse();
        assertThat(banner.getAttribute("textContent")).contains("Camunda 8");
    }
}
