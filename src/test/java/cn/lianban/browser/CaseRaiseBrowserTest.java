package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 市中心提级 from the case page (issue 13): the city center opens a level-3 case being handled from 我的事项, pulls
 * it up to the city's level with a reason, confirms the question and reads on the page that the case was raised and
 * the street told. Screenshots under target/browser/flows/case-raise/.
 */
@LianbanTest
class CaseRaiseBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    WorkingCalendar calendar;

    @Test
    void theCenterPullsALevelThreeCaseUpToTheCitysLevel() {
        String base = "http://localhost:" + port;
        TasklistWalker walk = new TasklistWalker(browser, base, "case-raise");
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);
        ProcessInstance pi = issues.file("title", "片区供水管网老化 " + TasklistWalker.digits(), "category", "HOUSING",
                "multiDepartment", true);
        String caseNo = pi.getBusinessKey();
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        issues.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline",
                calendar.addWorkingDays(EngineClock.now().toLocalDate(), 3).toString(), "minutes", "住建局牵头");
        try {
            browser.logIn(base, "center", "demo");
            CasePage.openFromMyCases(walk, web, wait, base, caseNo);
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raiseForm")));
            assertThat(CasePage.fact(web, "办理层级")).isEqualTo("第3级 片区");
            Select level = new Select(form.findElement(By.id("raiseLevel")));
            assertThat(level.getOptions()).extracting(WebElement::getText).containsExactly("第四级（街道）", "第五级（市级）");
            level.selectByVisibleText("第五级（市级）");
            form.findElement(By.id("raiseReason")).sendKeys("管网涉及多个街道，需市级统筹改造资金");
            walk.shot("填写提级");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            Alert question = wait.until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).isEqualTo("确定将本事项提级到第五级（市级）办理吗？");
            question.accept();
            // at the top level nothing is left to raise to: the form goes once the page has reloaded
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("raiseForm")));
            CasePage.shootFactsAndStory(walk, web, "已提级");
            assertThat(CasePage.fact(web, "办理层级")).isEqualTo("第5级 市级");
            assertThat(CasePage.fact(web, "状态")).isEqualTo("联席会商");
            List<String> story = CasePage.story(web);
            assertThat(story).anySatisfy(row -> assertThat(row).contains("市中心提级",
                    "第三级（片区） → 第五级（市级），理由：管网涉及多个街道，需市级统筹改造资金"));
            assertThat(story).anySatisfy(row -> assertThat(row).contains("告知街道"));

            assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("scheduleMeeting");
            assertThat(runtime.getVariable(pi.getId(), "level")).isEqualTo(5);
            assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handle").count())
                    .as("the department's handling task is withdrawn").isZero();
            assertThat(issues.events(caseNo)).containsSubsequence("CENTER_RAISED", "STREET_INFORMED");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
