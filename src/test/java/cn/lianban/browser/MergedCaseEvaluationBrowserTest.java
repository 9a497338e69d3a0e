package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.directory.Roles;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 区域共性问题, the second community's 评价销号 by hand (issue 13): a case of community A merged a similar case of
 * another community of the area; after A is satisfied, the other community's secretary finds the evaluation under
 * 本社区事项, reads which communities the case covers and that she evaluates for her own, and closes it. The demo has
 * no login for a second community of A's area, so the test adds one to the engine's users (not to the demo data)
 * and removes it afterwards. Screenshots under target/browser/flows/merged-evaluation/.
 */
@LianbanTest
class MergedCaseEvaluationBrowserTest extends ChineseBrowserTest {

    private static final String LOGIN = "secretary-area";

    @Autowired
    IssueDriver issues;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;

    @AfterEach
    void removeLogin() {
        identity.deleteUser(LOGIN);
    }

    @Test
    void theSecondCommunityEvaluatesTheMergedCaseAndItCloses() {
        String sameArea = issues.sameAreaAsCommunityA();
        User user = identity.newUser(LOGIN);
        user.setFirstName("林秀英");
        user.setLastName("");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(LOGIN, Roles.COMMUNITY_SECRETARY);
        identity.createMembership(LOGIN, "community:" + sameArea);

        ProcessInstance other = issues.file("title", "社区食堂座位不足 " + TasklistWalker.digits(), "category",
                "ENVIRONMENT", "communityCode", sameArea);
        ProcessInstance pi = issues.file("title", "老年食堂排队过长 " + TasklistWalker.digits(), "category",
                "ENVIRONMENT");
        String otherName = (String) issues.variable(other, "communityName");
        issues.complete(pi, "rate", "color", "GREEN", "mergeCases", List.of(other.getBusinessKey()));
        issues.complete(pi, "handle", "result", "已增加食堂座位并延长供餐时间", "resolved", true);
        String caseNo = pi.getBusinessKey();
        // community A is satisfied first; the case waits for the other community
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("evaluate")
                .taskCandidateGroup("community:C-DL-01").singleResult().getId(), Map.of("satisfied", true,
                "satisfaction", 5L));
        TasklistWalker walk = new TasklistWalker(browser, "http://localhost:" + port, "merged-evaluation");
        try {
            walk.logInAs(LOGIN);
            walk.openFilter("本社区事项");
            walk.openTask("评价销号", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains(caseNo).contains("并案涉及社区").contains(otherName)
                    .contains("本次评价社区 " + otherName).contains("已增加食堂座位并延长供餐时间");
            walk.choose("评价结论", "满意，销号");
            walk.choose("群众满意度", "4 满意");
            walk.type("评价意见", "座位够用了，居民满意");
            walk.complete();

            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished()
                    .count()).as("case %s closed", caseNo).isOne();
            assertThat(issues.events(caseNo)).containsSubsequence("EVALUATED", "EVALUATED", "CLOSED");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
