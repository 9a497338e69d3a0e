package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.venue.Venue;
import cn.lianban.venue.Venues;

/**
 * A resident on a phone (390 × 844, touch, mobile user agent) finds a community center near where they stand
 * with the page's location button, books two hours there, and cancels with the booking code and phone number.
 * Anonymous, in headless Chromium; skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class VenueBookingBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.of(2026, 8, 3);
    private static final String PHONE = "13512345678";

    @LocalServerPort
    int port;
    @Autowired
    Venues venues;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IssueDriver clock;

    private Browser browser;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void startPhone() throws Exception {
        Browser.assumeInstalled("VenueBookingBrowserTest");
        clock.clockAt(TODAY.atTime(8, 0));
        browser = Browser.shared("zh-CN", "http://localhost:" + port);
        web = browser.driver;
        wait = new WebDriverWait(web, PATIENCE, Browser.POLL);
        ChromeDriver chrome = (ChromeDriver) web;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        chrome.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Mobile/15E148 MicroMessenger/8.0"));
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + port,
                "permissions", java.util.List.of("geolocation")));
    }

    @AfterEach
    void stopPhone() {
        clock.resetClock();
    }

    @Test
    void aResidentFindsBooksAndCancelsOnAPhone() {
        Venue target = venues.all().stream().filter(v -> v.level() == Venue.COMMUNITY && !v.needsApproval()
                && v.closes().getHour() == 20 && v.offers("activity")).reduce((a, b) -> b).orElseThrow();
        // standing some 330 m north of it (0.003° of latitude)
        ((ChromeDriver) web).executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", target.lat() + 0.003, "longitude", target.lon(), "accuracy", 20));
        long started = System.nanoTime();
        String code;
        try {
            web.get("http://localhost:" + port + "/venues");
            assertThat(web.findElement(By.cssSelector(".circle")).getText()).contains("一刻钟党群服务圈：步行15分钟约1.2公里");
            assertThat(((Number) ((ChromeDriver) web).executeScript("return window.innerWidth")).intValue())
                    .isEqualTo(390);
            new Select(web.findElement(By.id("function"))).selectByValue("activity");
            web.findElement(By.id("locate")).click();

            By result = By.cssSelector("li.venue[data-code='" + target.code() + "'] a.name");
            wait.until(ExpectedConditions.visibilityOfElementLocated(result));
            assertThat(web.getCurrentUrl()).contains("lat=").contains("function=activity");
            assertThat(web.findElement(By.id("summary")).getText()).startsWith("附近找到").contains("由近及远");
            assertThat(web.findElement(By.cssSelector("li.venue[data-code='" + target.code() + "'] .distance"))
                    .getText()).matches("约 \\d+ 米 · 步行约 \\d+ 分钟");
            assertThat(web.findElement(By.cssSelector("li.venue[data-code='" + target.code() + "']")).getText())
                    .contains("活动室").doesNotContain("null");
            assertThat(new Select(web.findElement(By.id("from"))).getOptions()).hasSizeGreaterThan(200);
            browser.save("venue-search-phone");
            web.findElement(result).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-form")));
            assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo(target.name());
            assertThat(web.findElement(By.id("navigate")).getAttribute("href"))
                    .startsWith("https://uri.amap.com/marker?position=").contains("coordinate=gaode");
            assertThat(web.findElements(By.cssSelector("#slots .slot.free"))).hasSize(11);
            browser.save("venue-detail-phone");
            new Select(web.findElement(By.id("startHour"))).selectByValue("10:00");
            new Select(web.findElement(By.id("hours"))).selectByValue("2");
            web.findElement(By.id("name")).sendKeys("韩梅梅");
            web.findElement(By.id("phone")).sendKeys(PHONE);
            web.findElement(By.id("submit-booking")).click();

            code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-code"))).getText();
            assertThat(code).matches("B-20260803-[2-9A-Z]{6}");
            assertThat(web.findElement(By.id("booking-status")).getText()).isEqualTo("已预约");
            assertThat(status(code)).isEqualTo("ACTIVE");
            assertThat(held(code)).isEqualTo(2);
            // the page says where the SMS went, and it is queued (issue #14)
            String masked = PHONE.substring(0, 3) + "****" + PHONE.substring(7);
            assertThat(web.findElement(By.id("sms-promise")).getText()).contains("确认短信", masked);
            assertThat(smsKinds(code)).containsExactly("BOOKING_CONFIRMED");
            browser.save("venue-booked-phone");

            web.findElement(By.id("to-cancel")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone"))).sendKeys(PHONE);
            assertThat(web.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);
            web.findElement(By.id("submit-cancel")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancelled"))).getText())
                    .contains(code).contains("已取消").contains("短信通知将发送至");
            assertThat(smsKinds(code)).containsExactly("BOOKING_CONFIRMED", "BOOKING_CANCELLED");
            System.out.printf("VenueBookingBrowserTest: search to cancelled booking in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "booking", e);
        }
        assertThat(status(code)).isEqualTo("CANCELLED");
        assertThat(held(code)).isZero();
    }

    private String status(String code) {
        return jdbc.queryForObject("SELECT status FROM booking WHERE code = ?", String.class, code);
    }

    private int held(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM booking_slot WHERE booking_code = ?", Integer.class, code);
    }

    private java.util.List<String> smsKinds(String code) {
        return jdbc.queryForList("SELECT kind FROM sms_outbox WHERE business_key = ? ORDER BY id", String.class, code);
    }
}
