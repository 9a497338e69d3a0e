package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.Roles;
import cn.lianban.support.TestPeople;

/**
 * In a Chinese browser the administrator resets a person's password (重置密码, posted as the person page's button
 * posts it) and reads the new one; the person logs in with it, is sent to 修改密码, chooses their own and lands in
 * Tasklist; an agency member lands on their phone page. On a person of its own (pw-web), removed afterwards.
 * Screenshots under target/browser/password/.
 */
class PasswordBrowserTest extends ChineseBrowserTest {

    private static final String LOGIN = "pw-web";
    private static final String CHOSEN = "Mein-Neues-Pw-2026";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void aPerson() {
        String community = jdbc.queryForObject("SELECT MIN(code) FROM community", String.class);
        TestPeople.add(jdbc, identity, LOGIN, "重置测试", Roles.COMMUNITY_SECRETARY, community, "forgotten-Pw-77");
    }

    @AfterEach
    void removeIt() {
        TestPeople.remove(jdbc, identity, LOGIN);
    }

    @Test
    void theAdministratorResetsThePersonChangesItAtFirstLoginAndAMemberLandsOnHisPage() {
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);
        try {
            browser.logIn(base(), "admin", "demo");
            web.get(base() + "/admin/directory");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("_csrf")));
            ((JavascriptExecutor) web).executeScript("const f = document.createElement('form');"
                    + "f.method = 'post'; f.action = '/admin/people/' + arguments[0] + '/password';"
                    + "f.appendChild(document.querySelector('input[name=_csrf]').cloneNode());"
                    + "document.body.appendChild(f); f.submit();", LOGIN);
            String given = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).getText();
            assertThat(web.findElement(By.id("reset")).getText()).contains("已为 重置测试（pw-web）重置密码",
                    "首次登录时必须修改");
            browser.save("password/1-reset");

            browser.logIn(base(), LOGIN, given);
            wait.until(ExpectedConditions.urlMatches("/password$"));
            assertThat(web.findElement(By.id("forced")).getText()).contains("请先修改");
            web.get(base() + "/cases");
            wait.until(ExpectedConditions.urlMatches("/password$"));
            web.findElement(By.id("current")).sendKeys(given);
            web.findElement(By.id("next")).sendKeys("short-1");
            web.findElement(By.id("repeat")).sendKeys("short-1");
            web.findElement(By.cssSelector("main button[type=submit]")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems"))).getText())
                    .contains("新密码太弱");
            browser.save("password/2-weak-refused");
            web.findElement(By.id("current")).sendKeys(given);
            web.findElement(By.id("next")).sendKeys(CHOSEN);
            web.findElement(By.id("repeat")).sendKeys(CHOSEN);
            browser.save("password/3-change");
            web.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
            browser.save("password/4-tasklist");
            assertThat(identity.checkPassword(LOGIN, CHOSEN)).isTrue();

            browser.logIn(base(), "member", "demo");
            wait.until(ExpectedConditions.urlMatches("/members/me$"));
            browser.save("password/5-member-lands");
        } catch (RuntimeException | AssertionError e) {
            browser.save("password/failed");
            throw e;
        }
    }
}
