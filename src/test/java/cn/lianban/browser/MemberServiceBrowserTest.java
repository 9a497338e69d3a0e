package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, agency members: the secretary publishes a 微心愿; the member, on a 390 px phone, claims it and records
 * the service he did for it; the secretary confirms it on the 双报到 page. Screenshots under target/browser/member/.
 */
class MemberServiceBrowserTest extends ChineseBrowserTest {

    private static final String TITLE = "为独居老人代购降压药";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMemberClaimsANeedOnHisPhoneRecordsTheServiceAndTheSecretaryConfirmsIt() {
        jdbc.update("DELETE FROM checkin WHERE need_id IS NOT NULL");
        jdbc.update("DELETE FROM community_need");
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);

        // the secretary publishes the need
        browser.logIn(base(), "secretary", "demo");
        web.get(base() + "/pairing/needs");
        new Select(web.findElement(By.id("kind"))).selectByVisibleText("微心愿");
        web.findElement(By.id("title")).sendKeys(TITLE);
        web.findElement(By.id("description")).sendKeys("王大爷腿脚不便，每月需代购降压药一次");
        web.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "已发布"));
        browser.save("member/1-needs-published");

        // the member, on his phone, claims it and records the service
        browser.logIn(base(), "member", "demo");
        ((ChromeDriver) web).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                "height", 844, "deviceScaleFactor", 2, "mobile", true));
        web.get(base() + "/members/me");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'need')][.//span[text()='" + TITLE + "']]//button"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "已认领"));
        browser.save("member/2-claimed");
        new Select(web.findElement(By.id("needId"))).selectByVisibleText(TITLE);
        web.findElement(By.id("hours")).sendKeys("1.5");
        web.findElement(By.id("activity")).sendKeys("到药店代购降压药并送到王大爷家中");
        browser.clickToNextPage(web.findElement(By.cssSelector("#service button.primary")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "待社区书记确认"));
        assertThat(web.findElement(By.cssSelector(".service")).getText()).contains("待确认", "需求：" + TITLE);
        JavascriptExecutor js = (JavascriptExecutor) web;
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
                .isLessThanOrEqualTo(390);
        assertThat((String) js.executeScript("return document.body.innerText")).doesNotContainPattern("[A-Za-z]");
        browser.save("member/3-service-recorded");
        ((ChromeDriver) web).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        // the secretary confirms it
        browser.logIn(base(), "secretary", "demo");
        web.get(base() + "/checkins");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'pending')][contains(., '到药店代购降压药')]//button[text()='确认']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "已确认"));
        browser.save("member/4-confirmed");
        assertThat(jdbc.queryForObject("SELECT c.status FROM checkin c JOIN community_need n ON n.id = c.need_id"
                + " WHERE n.title = ?", String.class, TITLE)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT status FROM community_need WHERE title = ?", String.class, TITLE))
                .isEqualTo("DONE");
    }
}
