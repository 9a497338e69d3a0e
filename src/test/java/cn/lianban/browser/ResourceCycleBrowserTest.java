package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;

/**
 * Issue 15, the monthly resource cycle: 城市管理局 submits an item for next month, the city center approves it and
 * publishes the month, and the community secretary sees the published notice and the item on the list; then, in
 * Tasklist, she orders (社区点单) from a department that offers the category on this month's list.
 * Screenshots under target/browser/resources/ and target/browser/resource-order/.
 */
class ResourceCycleBrowserTest extends ChineseBrowserTest {

    private static final String NAME = "城管执法进社区普法讲座";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    /** The start form offers, for 服务下沉, the departments of this month's list; the order goes to the one chosen. */
    private void orderFromAnOfferingDepartment() {
        List<Map<String, Object>> offering = jdbc.queryForList("SELECT DISTINCT d.code, d.name FROM resource_item i "
                + "JOIN department d ON d.code = i.dept_code WHERE i.list_month = ? AND i.category = 'SERVICE' "
                + "AND i.published ORDER BY d.code", YearMonth.from(EngineClock.now()).toString());
        String dept = offering.isEmpty() ? "civil" : (String) offering.get(0).get("CODE");
        String label = offering.isEmpty() ? "民政局（本类默认承办部门）" : (String) offering.get(0).get("NAME");
        TasklistWalker walk = new TasklistWalker(browser, base(), "resource-order");
        walk.logInAs("secretary");
        walk.startProcess("社区点单");
        walk.choose("资源类别", "服务下沉");
        walk.choose("承办部门", label);
        walk.type("需求说明", "辖区独居老人需要每周上门助浴服务");
        Matcher m = Pattern.compile("RO-\\d{4}-\\d{6}").matcher(walk.submitStart());
        assertThat(m.find()).isTrue();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(m.group()).singleResult();
        assertThat(runtime.getVariable(pi.getId(), "chosenDept")).isEqualTo(dept);
        assertThat(runtime.getVariable(pi.getId(), "deptCode")).isEqualTo(dept);
    }

    @Test
    void aDepartmentSubmitsTheCenterApprovesAndPublishesAndTheSecretarySeesIt() {
        YearMonth next = YearMonth.from(EngineClock.now()).plusMonths(1);
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);
        try {
            // the department submits its item for next month
            browser.logIn(base(), "urban", "demo");
            web.get(base() + "/resources/submissions");
            new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("category"))))
                    .selectByVisibleText("服务下沉");
            web.findElement(By.id("name")).sendKeys(NAME);
            web.findElement(By.id("description")).sendKeys("每月两场，每场两小时，讲解占道经营和垃圾分类规定");
            web.findElement(By.id("capacity")).sendKeys("8");
            web.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "待市城市党建服务中心审核"));
            assertThat(web.findElement(By.tagName("table")).getText()).contains(NAME, "待审核");
            browser.save("resources/1-submitted");
            String code = jdbc.queryForObject("SELECT code FROM resource_item WHERE name = ?", String.class, NAME);

            // the city center approves it and publishes the month
            browser.logIn(base(), "center", "demo");
            web.get(base() + "/resources/review?month=" + next);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-code='" + code + "'] button.approve")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "已通过 " + code));
            assertThat(web.findElement(By.cssSelector("tr[data-code='" + code + "']")).getText()).contains("已通过");
            browser.clickToNextPage(web.findElement(By.id("publish")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.ok"), "资源清单已发布"));
            assertThat(web.findElement(By.id("published")).getText()).contains("已通知");
            assertThat(web.findElement(By.id("decisions")).getText()).contains("审核通过", "发布清单", NAME);
            browser.save("resources/2-published");

            // the community secretary sees the notice on the list's page
            browser.logIn(base(), "secretary", "demo");
            web.get(base() + "/resources?month=" + next);
            LocalDate today = LocalDate.now(EngineClock.ZONE);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("published"))).getText())
                    .isEqualTo("本月资源清单已于" + today.getYear() + "年" + today.getMonthValue() + "月"
                            + today.getDayOfMonth() + "日发布");
            assertThat(web.findElement(By.tagName("main")).getText()).contains(NAME, "城市管理局", "数据接口")
                    .doesNotContain("JSON");
            browser.save("resources/3-secretary-sees-the-list");
        } catch (RuntimeException | AssertionError e) {
            browser.save("resources/failed");
            throw e;
        }
        orderFromAnOfferingDepartment();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'RESOURCE_LIST_PUBLISHED' "
                + "AND subject LIKE ?", Integer.class, "%" + next.getYear() + "年" + next.getMonthValue() + "月%"))
                .as("one mail to each community").isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM community",
                        Integer.class));
    }
}
