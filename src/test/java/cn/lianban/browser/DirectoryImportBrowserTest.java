package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * In a Chinese browser the administrator uploads a directory file with a wrong role and an unknown unit, reads the
 * per-row report (nothing changed), uploads a good one, confirms it and reads the initial password.
 * Screenshots under target/browser.
 */
class DirectoryImportBrowserTest extends ChineseBrowserTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    @AfterEach
    void removeTheTestStreet() {
        DirectoryFiles.removeTestStreet(jdbc, identity, tasks);
    }

    @Test
    void theAdminUploadsReadsTheReportAndConfirms() throws Exception {
        byte[] export = rest.withBasicAuth("admin", "demo").getForObject("/admin/directory/export.xlsx", byte[].class);
        Path bad = Files.createTempFile("目录-错误", ".xlsx");
        Files.write(bad, DirectoryFiles.edit(export, book -> DirectoryFiles.append(book.getSheet("人员"),
                "imp-x", "错填人员", null, "x@test.cn", "村长", "社区", "T-NOPE", null, null, null)));
        Path good = Files.createTempFile("目录", ".xlsx");
        Files.write(good, DirectoryFiles.withTestStreet(export, List.<Object[]>of(
                DirectoryFiles.person("imp-web", "网页导入", "13900000011", "社区书记", "社区", "T-C"))));
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(60), Browser.POLL);
        try {
            web.get(base() + "/admin/directory");
            browser.logInWhereAsked("admin", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("file"))).sendKeys(bad.toString());
            web.findElement(By.xpath("//button[.='上传并检查']")).click();
            String report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report"))).getText();
            assertThat(report).contains("未做任何修改", "人员", "角色「村长」不存在", "所属单位「T-NOPE」不存在")
                    .containsPattern("第 \\d+ 行");
            assertThat(web.findElements(By.xpath("//button[.='确认导入']"))).isEmpty();
            browser.save("directory-import-report");

            web.findElement(By.name("file")).sendKeys(good.toString());
            web.findElement(By.xpath("//button[.='上传并检查']")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan"))).getText())
                    .contains("检查通过", "新建 6 项");
            browser.save("directory-import-check");
            web.findElement(By.xpath("//button[.='确认导入']")).click();
            String result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result"))).getText();
            assertThat(result).contains("导入完成：新建 6 项", "网页导入", "imp-web", "初始密码");
            browser.save("directory-import-result");
        } catch (RuntimeException | AssertionError e) {
            browser.save("directory-import-failed");
            throw e;
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
        assertThat(identity.createGroupQuery().groupMember("imp-web").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("community-secretary", "community:T-C");
    }
}
