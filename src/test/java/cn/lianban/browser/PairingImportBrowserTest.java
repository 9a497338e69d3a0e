package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.DirectoryFiles;
import cn.lianban.support.PairingFiles;

/**
 * In a Chinese browser the administrator uploads a 双联双促 file with a wrong agency type and reads the report, then a
 * good one with a new agency and a member with a login, confirms it and reads the initial password; the member logs
 * in with it, must choose his own password and lands on his phone page; the street office gives another member of
 * its street a login on 下沉党员登录. Screenshots under target/browser/pairing/.
 */
class PairingImportBrowserTest extends ChineseBrowserTest {

    private static final String CHOSEN = "Dang-Yuan-Mima-2026";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    @AfterEach
    void removeTestRows() {
        for (String login : jdbc.queryForList("SELECT login FROM agency_member WHERE login LIKE 'web.%'", String.class)) {
            identity.deleteUser(login);
        }
        jdbc.update("UPDATE agency_member SET login = NULL, password = NULL WHERE login LIKE 'web.%'");
        PairingFiles.removeTestRows(jdbc, identity);
    }

    @Test
    void theAdministratorImportsTheMemberChangesHisPasswordAndTheStreetOfficeOpensAnother() throws Exception {
        byte[] template = rest.withBasicAuth("admin", "demo").getForObject("/admin/pairing/template.xlsx", byte[].class);
        String grid = jdbc.queryForObject("SELECT MIN(code) FROM grid", String.class);
        Path bad = Files.createTempFile("双联双促-错误", ".xlsx");
        Files.write(bad, DirectoryFiles.edit(template, book -> DirectoryFiles.append(book.getSheet("机关单位"),
                "TA-9", "网页测试机关党支部", "事业单位", "ta9@test.cn")));
        Path good = Files.createTempFile("双联双促", ".xlsx");
        Files.write(good, DirectoryFiles.edit(template, book -> {
            DirectoryFiles.append(book.getSheet("机关单位"), "TA-9", "网页测试机关党支部", "机关", "ta9@test.cn");
            DirectoryFiles.append(book.getSheet("下沉党员"), "13900000097", "网页党员", "TA-9", grid, "web.member");
        }));
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);
        try {
            browser.logIn(base(), "admin", "demo");
            web.get(base() + "/admin/pairing");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("file"))).sendKeys(bad.toString());
            web.findElement(By.xpath("//button[.='上传并检查']")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report"))).getText())
                    .contains("未做任何修改", "机关单位", "第 2 行", "类型「事业单位」应为 机关 或 国企");
            assertThat(web.findElements(By.xpath("//button[.='确认导入']"))).isEmpty();
            browser.save("pairing/1-report");

            web.findElement(By.name("file")).sendKeys(good.toString());
            web.findElement(By.xpath("//button[.='上传并检查']")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan"))).getText())
                    .contains("检查通过", "新建 2 项", "开通登录 1 人");
            browser.save("pairing/2-check");
            web.findElement(By.xpath("//button[.='确认导入']")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result"))).getText())
                    .contains("导入完成：新建 2 项", "网页党员", "web.member", "首次登录时须修改密码");
            String given = web.findElement(By.cssSelector("#result code.password")).getText();
            browser.save("pairing/3-result");

            browser.logIn(base(), "web.member", given);
            wait.until(ExpectedConditions.urlMatches("/password$"));
            web.findElement(By.id("current")).sendKeys(given);
            web.findElement(By.id("next")).sendKeys(CHOSEN);
            web.findElement(By.id("repeat")).sendKeys(CHOSEN);
            web.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/members/me$"));
            assertThat(web.findElement(By.tagName("body")).getText()).contains("网页党员", "我的服务记录");
            browser.save("pairing/4-member-page");

            String other = jdbc.queryForObject("SELECT m.name FROM agency_member m JOIN grid g ON g.code = m.grid_code "
                    + "JOIN community c ON c.code = g.community_code JOIN area a ON a.code = c.area_code "
                    + "WHERE a.street_code = 'S-DL' AND m.login IS NULL ORDER BY m.id LIMIT 1", String.class);
            browser.logIn(base(), "street", "demo");
            web.get(base() + "/pairing/logins");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q"))).sendKeys(other);
            browser.clickToNextPage(web.findElement(By.xpath("//button[.='查找']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), other));
            web.findElement(By.cssSelector("#members input[name=login]")).sendKeys("web.second");
            browser.save("pairing/5-logins");
            web.findElement(By.xpath("//button[.='开通登录']")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opened"))).getText())
                    .contains("已为" + other + "开通登录名 web.second", "初始密码", "首次登录时须修改密码");
            browser.save("pairing/6-opened");
        } catch (RuntimeException | AssertionError e) {
            browser.save("pairing/failed");
            throw e;
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }
}
