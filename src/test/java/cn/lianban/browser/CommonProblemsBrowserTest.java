package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 区域共性问题 as the area committee meets it in a Chinese Tasklist: the rating form lists a similar open case of
 * another community of the area (number, title, community, date), the committee ticks it and the case is merged.
 * Screenshots under target/browser. Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class CommonProblemsBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    private Tasklist tasklist;
    private WebDriverWait wait;

    @BeforeEach
    void openTasklist() {
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        wait = tasklist.wait;
    }

    @Test
    void theCommitteeSeesASimilarCaseOfAnotherCommunityAndMergesIt() {
        String sameArea = issues.sameAreaAsCommunityA();
        String title = "浏览器并案 " + System.nanoTime();
        ProcessInstance other = issues.file("title", title, "category", "ENVIRONMENT", "communityCode", sameArea);
        ProcessInstance pi = issues.file("title", "浏览器主案 " + System.nanoTime(), "category", "ENVIRONMENT");
        assertThat(issues.variable(pi, "proposedColor")).isEqualTo("GREEN");
        String taskId = issues.task(pi, "rate").getId();
        String otherKey = other.getBusinessKey();
        try {
            tasklist.logIn("committee");
            tasklist.openFilter("本片区待评级");
            tasklist.card(taskId).findElement(By.cssSelector("h4.task a")).click();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(d -> form.getText().contains(pi.getBusinessKey()));
            wait.until(d -> form.getText().contains(otherKey));
            assertThat(form.getText()).contains("区域共性问题", otherKey, title,
                            (String) issues.variable(other, "communityName"), "并案")
                    .doesNotContain("{{", "ENVIRONMENT");
            assertThat(form.findElement(By.linkText(otherKey)).getAttribute("href")).endsWith("/cases/" + otherKey);
            browser.save("common-1-rate-form-similar");

            tasklist.claim();
            tasklist.click(Tasklist.radio("rate_color", "绿色（常规）"));
            tasklist.click(By.xpath("//label[input[@type='checkbox' and contains(@id,'-rate_mergeCases-')]"
                    + " and contains(normalize-space(.),'" + otherKey + "')]/input"));
            browser.save("common-2-merge-ticked");
            tasklist.complete();
            wait.until(d -> history.createHistoricProcessInstanceQuery().processInstanceId(other.getId()).finished()
                    .count() == 1);
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed(getClass(), "merge", e);
        }
        assertThat(issues.events(otherKey)).contains("MERGED_INTO");
        assertThat(issues.events(pi.getBusinessKey())).contains("MERGED");
        assertThat(jdbc.queryForObject("SELECT main_key FROM issue_merge WHERE merged_key = ?", String.class, otherKey))
                .isEqualTo(pi.getBusinessKey());
    }
}
