package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.TicketDriver;

/**
 * A resident on a phone (390 × 844, zh-CN) who reported a problem with their mobile: opens the status page from the
 * SMS, gives the last four digits of the phone and sees the progress in Chinese; then rates the result through the
 * rating link, which closes the ticket. Screenshots under target/browser/resident-*.
 */
class ResidentStatusBrowserTest extends ChineseBrowserTest {

    private static final Pattern LINK = Pattern.compile("/rate/([A-Z0-9]{24})");

    @Autowired
    TicketDriver tickets;
    @Autowired
    IssueDriver driver;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void aResidentFollowsTheirTicketAndRatesItOnAPhone() {
        driver.clockAt(LocalDateTime.of(2026, 3, 2, 10, 0));
        ProcessInstance pi = tickets.raise("reporterPhone", "13911112468");
        String key = pi.getBusinessKey();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已劝离摊贩，设置提示牌并加强巡查");
        driver.complete(pi, "confirm", "solved", true);

        WebDriver web = browser.driver;
        ((ChromeDriver) web).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(30), Browser.POLL);

        web.get(base() + "/status/" + key);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("last4"))).sendKeys("2468");
        browser.save("resident-status-ask");
        web.findElement(By.id("lookup")).click();
        String status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status"))).getText();
        assertThat(status).isEqualTo("待回访");
        assertThat(web.findElement(By.id("dept")).getText()).isEqualTo("城市管理局");
        assertThat(web.findElement(By.id("result")).getText()).isEqualTo("已劝离摊贩，设置提示牌并加强巡查");
        assertThat(web.findElement(By.id("steps")).getText()).contains("问题已登记受理", "承办部门已接单", "承办部门办理完毕")
                .containsPattern("2026年3月2日 \\d\\d:\\d\\d").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
        assertThat(width(web)).as("fits the phone").isLessThanOrEqualTo(390);
        browser.save("resident-status");

        String sms = jdbc.queryForObject("SELECT body FROM sms_outbox WHERE business_key = ? AND body LIKE '%/rate/%'",
                String.class, key);
        Matcher link = LINK.matcher(sms);
        assertThat(link.find()).isTrue();
        web.get(base() + "/rate/" + link.group(1));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("score-5"))).click();
        web.findElement(By.id("comment")).sendKeys("处理及时，谢谢");
        assertThat(width(web)).isLessThanOrEqualTo(390);
        browser.save("resident-rate");
        web.findElement(By.id("submit-rating")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks"))).getText())
                .contains("感谢您的评价（5 分）");
        browser.save("resident-rated");
        assertThat(jdbc.queryForObject("SELECT status FROM ticket_case WHERE business_key = ?", String.class, key))
                .isEqualTo("CLOSED");
    }

    private static long width(WebDriver web) {
        return ((Number) ((JavascriptExecutor) web).executeScript(
                "return document.documentElement.scrollWidth")).longValue();
    }
}
