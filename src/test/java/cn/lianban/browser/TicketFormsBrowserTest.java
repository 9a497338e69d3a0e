package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * The ticket forms' context is markdown with {@code {{variable}}} templates, which only Tasklist's form-js
 * fills in: the street office opens a twice-returned and an off-list ticket from its filter and reads the case
 * number, the item, why the ticket came to it, both departments' reasons and a link to the case page; the
 * department reads its deadline, light and the community's reason for a reopen; all in words, no template marks.
 */
@LianbanTest
class TicketFormsBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;
    @Autowired
    TaskService tasks;
    @Autowired
    AsUser users;

    private Tasklist tasklist;
    private WebDriver web;
    private WebDriverWait wait;

    @BeforeEach
    void openTasklist() {
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        web = tasklist.web;
        wait = tasklist.wait;
    }

    @Test
    void theStreetReadsTheTicketsItMustDispatchInWords() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", false, "returnReason", "属于市场监管职责");
        driver.complete(pi, "redispatch", "deptCode", "market");
        driver.complete(pi, "accept", "accepted", false, "returnReason", "摊贩占道归城管");
        ProcessInstance offList = tickets.raise("itemCode", "", "gridCode", "", "location", "",
                "description", "小区门口井盖松动");
        String key = pi.getBusinessKey();
        String community = (String) driver.variable(pi, "communityName");
        try {
            tasklist.logIn("street");
            tasklist.openFilter("街道待派单");
            WebElement card = tasklist.card(driver.task(pi, "decide").getId());
            card.findElement(By.cssSelector(".shutter.actions")).click(); // 展开更多: every column of the card
            wait.until(d -> card.getText().contains("待派单"));
            assertThat(card.getText()).contains(key, "占道经营", community, "市场监督管理局", "待派单")
                    .doesNotContain("DISPATCHING", "market");
            String decide = openForm(card, key, "ticket-decide");
            assertThat(decide).contains(key, "查看案件全貌", "占道经营", "菜市场门口", "华山路菜市场东门", community,
                            "第1次 · 城市管理局", "属于市场监管职责", "第2次 · 市场监督管理局", "摊贩占道归城管",
                            "须由街道裁定")
                    .doesNotContain("{{", "}}", "null", "market", "urban");
            assertThat(web.findElement(By.linkText("查看案件全貌")).getAttribute("href")).endsWith("/cases/" + key);

            // off the list, without grid, place or department: those lines are left out, not shown empty
            String redispatch = openForm(tasklist.card(driver.task(offList, "redispatch").getId()),
                    offList.getBusinessKey(), "ticket-redispatch");
            assertThat(redispatch).contains(offList.getBusinessKey(), "清单外事项", "小区门口井盖松动",
                    "为何由街道派单 问题不在权责清单内").doesNotContain("{{", "}}", "null", "退单记录");
            assertThat(redispatch.substring(0, redispatch.indexOf("为何由街道派单")))
                    .doesNotContain("网格", "位置", "承办部门");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "dispatch", e);
        }
    }

    @Test
    void theDepartmentSeesItsLimitAndWhyTheCommunitySentTheTicketBack() {
        ProcessInstance pi = tickets.raise();
        users.run("urban", () -> {
            tasks.claim(driver.task(pi, "accept").getId(), "urban");
            tasks.complete(driver.task(pi, "accept").getId(), Map.of("accepted", true));
        });
        driver.complete(pi, "resolve", "result", "已劝离摊贩");
        driver.complete(pi, "confirm", "solved", false, "confirmNote", "摊贩第二天又回来了");
        String key = pi.getBusinessKey();
        try {
            tasklist.logIn("urban");
            tasklist.openFilter("本部门办理中");
            String resolve = openForm(tasklist.card(driver.task(pi, "resolve").getId()), key, "ticket-resolve");
            assertThat(resolve).contains(key, "城市管理局", "接单时间 " + driver.variable(pi, "acceptedAtLabel"),
                            "3 个工作日，" + driver.variable(pi, "dueLabel") + " 前办结（正常）",
                            "社区确认未解决，第1次重新办理：摊贩第二天又回来了")
                    .doesNotContain("{{", "}}", "null", "urban");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "limit", e);
        }
    }

    /** Opens the card's task and returns the rendered form's text once form-js has filled in the case number. */
    private String openForm(WebElement card, String key, String screenshot) {
        card.findElement(By.cssSelector("h4.task a")).click();
        // Tasklist re-renders the form while it loads: read it again until it holds this ticket
        String text = wait.ignoring(StaleElementReferenceException.class).until(d -> d
                .findElements(By.cssSelector(".fjs-form")).stream().map(WebElement::getText)
                .filter(t -> t.contains(key)).findFirst().orElse(null));
        browser.save(screenshot);
        return text;
    }
}
