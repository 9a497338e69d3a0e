package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.DirectoryFiles;

/**
 * In a Chinese browser the street office (东莱街道) opens 单位管理 from its menu, adds a grid to a community of its
 * street, renames it, and reads the rename in 变更记录; the new grid's Camunda group carries the new name.
 * Screenshots under target/browser/units/.
 */
class UnitAdminBrowserTest extends ChineseBrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    @AfterEach
    void removeTheGrid() {
        DirectoryFiles.removeTestStreet(jdbc, identity, tasks);
    }

    @Test
    void theStreetOfficeAddsAGridAndRenamesIt() {
        String community = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class);
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(60), Browser.POLL);
        try {
            browser.logIn(base(), "street", "demo");
            web.get(base() + "/admin/people");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[.='单位管理']"))).click();

            WebElement create = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create")));
            new Select(create.findElement(By.name("type"))).selectByValue("GRID");
            create.findElement(By.name("code")).sendKeys("T-WG-1");
            create.findElement(By.name("name")).sendKeys("新建测试网格");
            new Select(web.findElement(By.id("community-parent"))).selectByVisibleText(community);
            browser.save("units/1-create");
            create.findElement(By.xpath(".//button[.='新建']")).click();

            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.ok"))).getText())
                    .contains("已新建网格「新建测试网格」");
            WebElement name = web.findElement(By.cssSelector("#edit input[name=name]"));
            name.clear();
            name.sendKeys("改名测试网格");
            browser.clickToNextPage(web.findElement(By.xpath("//form[@id='edit']//button[.='保存']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "改名测试网格"));
            assertThat(web.findElement(By.id("changes")).getText()).contains("名称", "新建测试网格", "改名测试网格")
                    .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
            browser.save("units/2-renamed");
        } catch (RuntimeException | AssertionError e) {
            browser.save("units/failed");
            throw e;
        }
        assertThat(jdbc.queryForObject("SELECT community_code FROM grid WHERE code = 'T-WG-1'", String.class))
                .isEqualTo("C-DL-01");
        assertThat(identity.createGroupQuery().groupId("grid:T-WG-1").singleResult().getName()).isEqualTo("改名测试网格");
    }
}
