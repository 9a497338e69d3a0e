package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * A deputy (两代表一委员) follows a case of their area convened to a joint meeting (issue 13): from 我的事项 to the
 * case page, read only, and a comment through the page's own form ({@code POST /cases/{key}/comments}) that lands in
 * 办理经过; a deputy of another area neither lists nor opens the case. Screenshots under
 * target/browser/flows/deputy-comment/.
 */
@LianbanTest
class DeputyCommentBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;

    @Test
    void aDeputyOfTheAreaCommentsOnAConvenedCaseAndOneOfAnotherAreaDoesNotSeeIt() {
        String base = "http://localhost:" + port;
        TasklistWalker walk = new TasklistWalker(browser, base, "deputy-comment");
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(45), Browser.POLL);
        ProcessInstance pi = issues.file("title", "楼道堆物占用消防通道 " + TasklistWalker.digits(), "category",
                "HOUSING", "multiDepartment", true);
        String caseNo = pi.getBusinessKey();
        issues.complete(pi, "rate", "color", "YELLOW");
        issues.scheduleMeeting(pi);
        try {
            // deputy01 belongs to the area of community A, where the case was filed
            browser.logIn(base, "deputy01", "demo");
            CasePage.openFromMyCases(walk, web, wait, base, caseNo);
            assertThat(web.findElement(By.tagName("main")).getText()).contains("两代表一委员意见")
                    .doesNotContain("上传附件", "挂账", "提级");
            WebElement text = web.findElement(By.id("text"));
            text.sendKeys("建议先清理消防通道，再商量长效管理办法");
            walk.shot("填写意见");
            web.findElement(By.xpath("//button[text()='发表意见']")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.done"),
                    "意见已记录"));
            walk.shot("已发表意见");
            assertThat(CasePage.story(web)).anySatisfy(row -> assertThat(row).contains("两代表一委员意见",
                    "建议先清理消防通道，再商量长效管理办法"));
            assertThat(issues.events(caseNo)).endsWith("COMMENTED");

            // deputy04 belongs to another area: not in 我的事项, and the address gives the Chinese not-found page
            browser.logIn(base, "deputy04", "demo");
            web.get(base + "/cases");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            walk.shot("其他片区-我的事项");
            assertThat(web.findElement(By.tagName("main")).getText()).doesNotContain(caseNo);
            web.get(base + "/cases/" + caseNo);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "没有找到案件"));
            walk.shot("其他片区-没有找到");
            assertThat(web.findElement(By.tagName("main")).getText()).contains("没有编号为 " + caseNo + " 的案件或工单")
                    .doesNotContain("建议先清理消防通道");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
