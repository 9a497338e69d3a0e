package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 挂账 by hand (issue 13): the area committee, asked to approve an escalation of a case nobody can solve now, refuses
 * it and puts the case on the register with a reason, then finds it on 挂账台账. Screenshots under
 * target/browser/flows/shelf/.
 */
@LianbanTest
class ShelfBrowserTest extends ChineseBrowserTest {

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;

    @Test
    void theCommitteePutsACaseOnTheRegisterFromTheApprovalAndFindsItInTheRegister() {
        String base = "http://localhost:" + port;
        TasklistWalker walk = new TasklistWalker(browser, base, "shelf");
        ProcessInstance pi = issues.file("title", "小区排水管网改造 " + TasklistWalker.digits());
        String caseNo = pi.getBusinessKey();
        issues.complete(pi, "rate", "color", "GREEN");
        issues.complete(pi, "handle", "result", "管网改造需财政资金，社区无法解决", "resolved", false);
        try {
            walk.logInAs("committee");
            walk.openFilter("待审批升级");
            walk.openTask("升级审批", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains("牵头部门报告本级无法解决").contains("管网改造需财政资金");
            walk.choose("审批结论", "不同意（本级继续办理，重新计时）");
            walk.tick("挂账（暂不升级，停止计时）");
            walk.choose("挂账原因", "资金原因");
            walk.type("挂账理由", "管网改造资金需列入明年财政预算");
            walk.type("审批意见", "暂不具备解决条件，挂账，每月复核");
            walk.complete();

            assertThat(runtime.getVariable(pi.getId(), "shelfState")).isEqualTo("ON_REGISTER");
            assertThat(issues.events(caseNo)).contains("SHELVED");

            browser.driver.get(base + "/issues/shelf");
            String page = browser.driver.findElement(By.tagName("main")).getText();
            walk.shot("挂账台账");
            assertThat(page).contains("挂账台账").contains(caseNo).contains("资金原因")
                    .contains("管网改造资金需列入明年财政预算").contains("挂账中");
            assertThat(browser.driver.findElement(By.linkText("挂账台账")).getAttribute("class")).contains("lb-active");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
