package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.lianban.support.LianbanTest;

/**
 * One login, one logout, in a Chinese browser: Tasklist sends a visitor without a login to the project's login
 * page and takes her back after it; the same login opens the project's pages from the shared header; 退出 in
 * the header logs her out of Tasklist as well, and 退出 in Tasklist's user menu out of the project's pages.
 * Screenshots under target/browser/login-*. Skipped when Debian's chromium or chromedriver is missing.
 */
@LianbanTest
class SingleLoginBrowserTest extends ChineseBrowserTest {

    private static final By TASKLIST_FILTERS = By.xpath(
            "//*[contains(@class,'task-filter')]//a[contains(normalize-space(.),'本社区事项')]");

    private Tasklist tasklist;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void openTasklist() {
        tasklist = new Tasklist(browser, base());
        web = tasklist.web;
        wait = tasklist.wait;
    }

    @Test
    void oneLoginOpensTasklistAndThePagesAndTheHeadersLogoutEndsBoth() {
        try {
            // Tasklist without a login: the project's Chinese login page, then back to Tasklist
            web.get(base() + "/camunda/app/tasklist/");
            wait.until(ExpectedConditions.urlToBe(base() + "/login"));
            assertThat(text()).contains("用户名", "密码", "登录");
            browser.save("login-1-login-page");
            web.findElement(By.id("username")).sendKeys("secretary");
            web.findElement(By.id("password")).sendKeys("demo");
            web.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(TASKLIST_FILTERS));
            assertThat(web.findElements(By.cssSelector("form[name='signinForm']"))).isEmpty();
            browser.save("login-2-tasklist");

            // a project page, and from its header to another without logging in again
            web.get(base() + "/activities");
            WebElement header = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header.lb-header")));
            assertThat(header.getText()).contains("社区书记", "退出").doesNotContain("工作人员登录");
            header.findElement(By.linkText("数据看板")).click();
            wait.until(ExpectedConditions.urlContains("/dashboard"));
            WebElement active = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("header.lb-header a.lb-active")));
            assertThat(active.getText()).isEqualTo("数据看板");
            assertThat(text()).doesNotContain("Whitelabel");
            browser.save("login-3-dashboard");

            // a unit typed into the address that is not hers: the Chinese refusal, with the header still there
            web.get(base() + "/dashboard?community=C-XJ-01");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.status")));
            assertThat(text()).contains("403", "没有权限", "只能查看本单位的数据", "返回首页", "退出")
                    .doesNotContain("Whitelabel", "Forbidden");
            browser.save("login-3-refused");

            // back to Tasklist through the header: still logged in
            web.findElement(By.cssSelector("header.lb-header")).findElement(By.linkText("任务")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(TASKLIST_FILTERS));

            // 退出 in the header of a project page ends Tasklist too
            web.get(base() + "/resources");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("header.lb-header button.lb-logout")))
                    .click();
            wait.until(ExpectedConditions.urlContains("/login?logout"));
            assertThat(text()).contains("您已退出登录");
            browser.save("login-4-logged-out");
            web.get(base() + "/camunda/app/tasklist/");
            wait.until(ExpectedConditions.urlToBe(base() + "/login"));

            // logged out, the activity page is a resident's: no menu, a way to log in
            web.get(base() + "/activities");
            header = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header.lb-header")));
            assertThat(header.getText()).contains("工作人员登录").doesNotContain("退出", "数据看板");
            browser.save("login-4-resident");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "header-logout", e);
        }
    }

    @Test
    void logoutFromTasklistsMenuEndsTheProjectsPagesToo() {
        try {
            tasklist.logIn("secretary");
            wait.until(ExpectedConditions.visibilityOfElementLocated(TASKLIST_FILTERS));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-widget-header] li.logout a")))
                    .click();
            // Camunda's own sign-in view does not stay: the project's login page says she has logged out
            wait.until(ExpectedConditions.urlToBe(base() + "/login?logout"));
            assertThat(text()).contains("您已退出登录");
            browser.save("login-5-logged-out-of-tasklist");

            web.get(base() + "/dashboard");
            wait.until(ExpectedConditions.urlToBe(base() + "/login"));
            // and logging in again goes back to the page she asked for
            web.findElement(By.id("username")).sendKeys("secretary");
            web.findElement(By.id("password")).sendKeys("demo");
            web.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/dashboard"));
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "tasklist-logout", e);
        }
    }

    /**
     * 退出 can bring Tasklist to its sign-in view twice before the page goes (the logout, and a list still loading
     * that gets 401 for the ended session): the second arrival must not undo the first's way to 您已退出登录.
     */
    @Test
    void aSecondArrivalAtTheSignInViewKeepsTheWayToTheLoggedOutPage() {
        try {
            tasklist.logIn("secretary");
            wait.until(ExpectedConditions.visibilityOfElementLocated(TASKLIST_FILTERS));
            // what a click on 退出 leaves (login.js), then the sign-in view twice in a row, as AngularJS moves there
            ((JavascriptExecutor) web).executeScript("sessionStorage.setItem('lianban.loggedOut', 'true');"
                    + "history.pushState(null, '', '#/login'); history.pushState(null, '', '#/login');");
            wait.until(ExpectedConditions.urlToBe(base() + "/login?logout"));
            assertThat(text()).contains("您已退出登录");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "second-arrival", e);
        }
    }

    private String text() {
        return web.findElement(By.tagName("body")).getText();
    }
}
