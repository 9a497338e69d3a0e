package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.lianban.support.DirectoryFiles;

/**
 * A city starts lianban without demo data (issue 15, "the admin can do all of the above in the browser"): the first
 * administrator from the environment logs in, fills the directory and 双联双促 from Excel, and hands out the initial
 * passwords, resets the secretary's on 人员管理; the secretary and an agency member log in with what they were given,
 * must choose their own, and land on their pages. Its own in-memory database and its own JVM ({@code own-engine}), as in {@code FirstAdminTest}.
 * Screenshots under target/browser/production/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:lianban-production-browser;DB_CLOSE_DELAY=-1",
        "lianban.demo.enabled=false",
        "lianban.admin.login=chief",
        "lianban.admin.password=" + ProductionStartBrowserTest.PASSWORD,
        "lianban.admin.name=王主任",
        "lianban.admin.email=chief@example.cn"})
@ActiveProfiles("test")
@Tag("own-engine")
class ProductionStartBrowserTest {

    static final String PASSWORD = "Qz7-lianban-Start";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;

    Browser browser;
    WebDriver web;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        Browser.assumeInstalled(getClass().getSimpleName());
        browser = Browser.shared("zh-CN", "http://localhost:" + port);
        web = browser.driver;
        wait = new WebDriverWait(web, Duration.ofSeconds(60), Browser.POLL);
    }

    @Test
    void theFirstAdministratorFillsTheCityAndItsPeopleLogIn() throws Exception {
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("chief");
        var admin = rest.withBasicAuth("chief", PASSWORD);
        Path directory = Files.createTempFile("组织目录", ".xlsx");
        Files.write(directory, DirectoryFiles.withTestStreet(admin.getForObject("/admin/directory/export.xlsx",
                byte[].class), List.<Object[]>of(
                DirectoryFiles.person("imp-shuji", "李书记", "13900000031", "社区书记", "社区", "T-C"))));
        Path pairing = Files.createTempFile("双联双促", ".xlsx");
        Files.write(pairing, DirectoryFiles.edit(admin.getForObject("/admin/pairing/template.xlsx", byte[].class),
                book -> {
                    DirectoryFiles.append(book.getSheet("机关单位"), "AG-1", "市民政局机关党支部", "机关", "mz@test.cn");
                    DirectoryFiles.append(book.getSheet("结对"), "T-C", "AG-1");
                    DirectoryFiles.append(book.getSheet("下沉党员"), "13900000032", "赵党员", "AG-1", "T-G", "imp-dangyuan");
                }));
        try {
            browser.logIn(base(), "chief", PASSWORD);
            web.get(base() + "/admin/directory");
            upload(directory);
            String secretary = password("imp-shuji");
            browser.save("production/1-directory");

            web.findElement(By.linkText("双联双促")).click();
            upload(pairing);
            String member = password("imp-dangyuan");
            browser.save("production/2-pairing");

            // the secretary has lost the paper: the administrator finds her on 人员管理 and resets her password
            web.findElement(By.linkText("人员管理")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("q"))).sendKeys("李书记");
            web.findElement(By.xpath("//button[.='查找']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("李书记"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='重置密码']"))).click();
            String reset = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).getText();
            assertThat(reset).isNotEqualTo(secretary);
            browser.save("production/3-reset");

            changeAtFirstLogin("imp-shuji", reset, "Li-Shuji-Mima-2026");
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            new Tasklist(browser, base()).awaitFilters("imp-shuji");
            browser.save("production/4-secretary-tasklist");

            changeAtFirstLogin("imp-dangyuan", member, "Zhao-Dangyuan-2026");
            wait.until(ExpectedConditions.urlMatches("/members/me$"));
            assertThat(web.findElement(By.tagName("body")).getText()).contains("赵党员", "测试社区", "我的服务记录");
            browser.save("production/5-member-page");
        } catch (RuntimeException | AssertionError e) {
            browser.save("production/failed");
            throw e;
        } finally {
            Files.deleteIfExists(directory);
            Files.deleteIfExists(pairing);
        }
        assertThat(identity.createGroupQuery().groupMember("imp-dangyuan").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("agency-member", "agency:AG-1", "grid:T-G");
    }

    /** Uploads a file on the open import page, and confirms it once the check passed. */
    private void upload(Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("file"))).sendKeys(file.toString());
        web.findElement(By.xpath("//button[.='上传并检查']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan"))).getText()).contains("检查通过");
        web.findElement(By.xpath("//button[.='确认导入']")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result"))).getText())
                .contains("导入完成");
    }

    /** The initial password the result page shows for a login. */
    private String password(String login) {
        return web.findElement(By.xpath("//tr[td[.='" + login + "']]//code")).getText();
    }

    private void changeAtFirstLogin(String login, String given, String chosen) {
        browser.logIn(base(), login, given);
        wait.until(ExpectedConditions.urlMatches("/password$"));
        web.findElement(By.id("current")).sendKeys(given);
        web.findElement(By.id("next")).sendKeys(chosen);
        web.findElement(By.id("repeat")).sendKeys(chosen);
        web.findElement(By.cssSelector("main button[type=submit]")).click();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
