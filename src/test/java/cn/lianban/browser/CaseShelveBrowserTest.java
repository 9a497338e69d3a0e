package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
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
 * 挂账 from the case page (issue 13): the area committee opens a case being handled from 我的事项, fills the 挂账
 * form (reason category, why, review date), confirms the question, reads the case page afterwards and finds the case
 * on 挂账台账. Screenshots under target/browser/flows/case-shelve/.
 */
@LianbanTest
class CaseShelveBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    WorkingCalendar calendar;

    @Test
    void theCommitteePutsACaseBeingHandledOnTheRegisterFromTheCasePage() {
        String base = "http://localhost:" + port;
        TasklistWalker walk = new TasklistWalker(browser, base, "case-shelve");
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);
        ProcessInstance pi = issues.file("title", "老旧小区加装电梯 " + TasklistWalker.digits());
        String caseNo = pi.getBusinessKey();
        issues.complete(pi, "rate", "color", "GREEN");
        LocalDate review = calendar.addWorkingDays(EngineClock.now().toLocalDate(), 10);
        try {
            browser.logIn(base, "committee", "demo");
            CasePage.openFromMyCases(walk, web, wait, base, caseNo);
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shelveForm")));
            assertThat(CasePage.fact(web, "状态")).isEqualTo("办理中");

            new Select(form.findElement(By.id("shelveCategory"))).selectByVisibleText("资金原因");
            form.findElement(By.id("shelveReason")).sendKeys("加装电梯需财政补贴，待明年预算");
            WebElement date = form.findElement(By.id("shelveReviewDate"));
            CasePage.typeDate(web, date, review);
            assertThat(date.getAttribute("value")).isEqualTo(review.toString());
            walk.shot("填写挂账");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            Alert question = wait.until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).isEqualTo("确定将本事项挂账（资金原因）吗？挂账后停止计时。");
            question.accept();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("shelveForm")));
            CasePage.shootFactsAndStory(walk, web, "已挂账");
            assertThat(CasePage.fact(web, "状态")).isEqualTo("已挂账");
            assertThat(CasePage.fact(web, "办理期限")).isEqualTo("挂账中，停止计时");
            assertThat(CasePage.fact(web, "时效")).isEqualTo("未计时");
            assertThat(CasePage.story(web)).anySatisfy(row -> assertThat(row).contains("挂账", "加装电梯需财政补贴，待明年预算"));

            assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("shelfReviewDue");
            assertThat(runtime.getVariable(pi.getId(), "shelfState")).isEqualTo("ON_REGISTER");
            assertThat(issues.events(caseNo)).endsWith("SHELVED");

            web.findElement(By.cssSelector("header.lb-header")).findElement(By.linkText("挂账台账")).click();
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//tr[td/a[text()='" + caseNo + "']]")));
            walk.shot("挂账台账");
            assertThat(row.getText()).contains("资金原因", "加装电梯需财政补贴，待明年预算", review + " 09:00", "挂账中");

            // 我的事项 no longer gives the stopped clock's last deadline as the date the case is due
            web.findElement(By.cssSelector("header.lb-header")).findElement(By.linkText("我的事项")).click();
            WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//tr[td/a[text()='" + caseNo + "']]")));
            walk.shot("我的事项-已挂账");
            assertThat(mine.getText()).contains("已挂账", "挂账中，停止计时", "未计时");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
