package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.Gcj02;
import cn.lianban.common.Position;
import cn.lianban.directory.Directory;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.TicketDriver;

/**
 * Issue 14, positions: a community secretary opens a ticket raised with the phone's position and sees its 位置 with
 * the Amap link in GCJ-02, then the dashboard's 热点 with her community new this month (August 2023, which no other
 * test uses). Screenshots under target/browser.
 */
class PlaceBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;
    @Autowired
    Directory directory;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theSecretarySeesThePlaceOfATicketAndTheHotSpotsOfTheMonth() {
        driver.clockAt(LocalDateTime.of(2023, 8, 14, 9, 30));
        ProcessInstance ticket = tickets.raise("lat", 37.6421, "lon", 120.3317);
        String key = ticket.getBusinessKey();
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(30), Browser.POLL);
        browser.logIn(base(), "secretary", "demo");

        web.get(base() + "/cases/" + key);
        WebElement place = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("place")));
        assertThat(place.getText()).contains("位置", "华山路菜市场东门", "北纬 37.64210°，东经 120.33170°",
                "在高德地图中查看、导航");
        Position gcj = Gcj02.fromWgs84(new Position(37.6421, 120.3317));
        assertThat(web.findElement(By.id("mapLink")).getAttribute("href")).startsWith(String.format(Locale.ROOT,
                "https://uri.amap.com/marker?position=%.5f,%.5f&name=", gcj.lon(), gcj.lat()))
                .endsWith("&coordinate=gaode&callnative=1");
        browser.save("case-place");

        web.get(base() + "/dashboard?month=2023-08");
        WebElement communities = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hot-communities")));
        String community = directory.community("C-DL-01").orElseThrow().name();
        assertThat(communities.getText()).contains("社区 本月新增 上月 变化", community + " 1 0 新增");
        assertThat(web.findElement(By.id("hot-categories")).getText()).contains("市容环境 1 0 新增");
        assertThat(web.findElement(By.tagName("body")).getText()).contains("热点", "热点社区", "热点类别");
        ((org.openqa.selenium.JavascriptExecutor) web).executeScript(
                "document.getElementById('hotSpots').scrollIntoView()");
        browser.save("dashboard-hot-spots");
    }
}
