package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * The street office opens the 督办通报 list from the page header and finds its street's ticket that 城市管理局 left
 * unresolved past 劳动节 2026 (due 6 May, fifth overdue working day 12 May), in Chinese, and follows it to the case
 * page with the 督办 entry. Skipped when Debian's chromium or chromedriver is missing.
 */
@LianbanTest
class SupervisionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theStreetSeesItsOverdueTicketOnTheList() throws Exception {
        Browser.assumeInstalled("SupervisionBrowserTest");
        driver.clockAt(LocalDateTime.of(2026, 4, 28, 10, 0));
        ProcessInstance ticket = tickets.raise();
        driver.complete(ticket, "accept", "accepted", true);
        driver.fireTimer(ticket, "resolveOverdue");
        driver.clockAt(LocalDateTime.of(2026, 5, 12, 10, 0));
        Browser browser = Browser.shared("zh-CN", "http://localhost:" + port);
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(30), Browser.POLL);
        browser.logIn("http://localhost:" + port, "street", "demo");
        web.get("http://localhost:" + port + "/dashboard");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("督办通报"))).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//table[@id='supervision']//tr[td/a[text()='" + ticket.getBusinessKey() + "']]")));
        browser.save("supervision-street");
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("东莱街道 2026年5月督办通报名单");
        assertThat(row.getText()).contains("工单", "城市管理局", "2026-05-06 18:00", "办理中");
        assertThat(row.findElements(By.tagName("td")).get(7).getText()).isEqualTo("5");
        assertThat(web.findElement(By.id("supervision-csv")).getAttribute("href"))
                .endsWith("/dashboard/supervision.csv");
        assertThat(web.findElement(By.tagName("body")).getText()).contains("逾期工作日", "责任单位")
                .doesNotContain("T18:", "RESOLVING", "null", "urban");

        browser.clickToNextPage(row.findElement(By.linkText(ticket.getBusinessKey())));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "督办"));
        browser.save("supervision-case-page");
        assertThat(web.findElement(By.tagName("body")).getText()).contains("城市管理局负责人");
    }
}
