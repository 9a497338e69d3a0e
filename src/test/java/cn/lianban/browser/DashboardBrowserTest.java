package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The city center logs in and sees the dashboard's charts drawn by ECharts from the webjar, with the month's cases
 * in them (November 2024, which no other test uses). Skipped when Debian's chromium or chromedriver is missing.
 */
@LianbanTest
class DashboardBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IssueDriver driver;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCenterSeesTheChartsDrawn() throws Exception {
        Browser.assumeInstalled("DashboardBrowserTest");
        driver.clockAt(LocalDateTime.of(2024, 11, 5, 10, 0));
        driver.file();
        driver.complete(driver.file(), "rate", "color", "GREEN");
        Browser browser = Browser.shared("zh-CN", "http://localhost:" + port);
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(30), Browser.POLL);
        browser.logIn("http://localhost:" + port, "center", "demo");
        web.get("http://localhost:" + port + "/dashboard?month=2024-11");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 8));
        browser.save("dashboard");
        JavascriptExecutor js = (JavascriptExecutor) web;
        // every chart has an ECharts instance with its title: the script ran to its last line
        List<String> titles = (List<String>) js.executeScript("return [...document.querySelectorAll('.chart')]"
                + ".map(d => echarts.getInstanceByDom(d)).map(c => c ? c.getOption().title[0].text : null)");
        assertThat(titles).hasSize(9).doesNotContainNull().contains("案件按评级", "三率排名（%）");
        Number cases = (Number) js.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "'byStatus')).getOption().series[0].data.reduce((n, d) => n + d.value, 0)");
        assertThat(cases.longValue()).isEqualTo(2);
        assertThat(web.findElement(By.tagName("body")).getText()).contains("数据看板", "全市 2024-11 月报（统合站）");
        js.executeScript("window.scrollTo(0, document.body.scrollHeight)");
        browser.save("dashboard-bottom");
    }
}
