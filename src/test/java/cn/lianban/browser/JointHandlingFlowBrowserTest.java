package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.EngineClock;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 五级三色联席汇办 walked by hand in a Chinese browser, each role in turn, only by clicking: the secretary
 * files, the committee rates, the convener meets, the department handles, the secretary closes. Every
 * step's screenshot is under target/browser/flows/.
 */
@LianbanTest
class JointHandlingFlowBrowserTest extends ChineseBrowserTest {

    private static final Pattern CASE_NO = Pattern.compile("JH-\\d{4}-\\d{6}");

    @Autowired
    HistoryService history;
    @Autowired
    IssueDriver issues;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    private TasklistWalker walk;

    @Test
    void aGreenCaseIsFiledRatedHandledByTheCommunityAndClosed() {
        walk = new TasklistWalker(browser, "http://localhost:" + port, "green");
        String title = "楼道灯不亮 " + TasklistWalker.digits();
        try {
            String caseNo = file(title, "公共设施", false);

            walk.logInAs("committee");
            walk.openFilter("本片区待评级");
            walk.openTask("评级确认", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains(caseNo).contains(title).contains("提报社区").contains("具体位置");
            walk.choose("确认评级", "绿色（常规）");
            walk.complete();

            walk.logInAs("secretary");
            walk.openFilter("本社区事项");
            assertThat(walk.card("牵头办理", caseNo)).contains("办理中").contains("绿色");
            walk.openTask("牵头办理", caseNo);
            walk.claim();
            walk.type("办理结果", "已更换楼道灯泡，恢复照明");
            walk.choose("是否已解决", "已解决");
            walk.complete();

            evaluate(caseNo);
            assertClosed(caseNo);
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }

    @Test
    void aYellowCaseIsMetOnEscalatedByApprovalMetAgainAtTheStreetAndClosed() {
        walk = new TasklistWalker(browser, "http://localhost:" + port, "yellow");
        String title = "老旧小区外墙脱落 " + TasklistWalker.digits();
        LocalDate deadline = LocalDate.now(EngineClock.ZONE).plusDays(3);
        try {
            String caseNo = file(title, "房屋住建", true);

            walk.logInAs("committee");
            walk.openFilter("本片区待评级");
            walk.openTask("评级确认", caseNo);
            walk.claim();
            walk.choose("确认评级", "黄色（需协调）");
            walk.complete();

            meet("committee", caseNo, deadline);

            walk.logInAs("housing");
            walk.openFilter("本部门待认领");
            walk.openTask("牵头办理", caseNo);
            walk.claim();
            walk.type("办理结果", "外墙修缮需要专项资金，本级无法解决");
            walk.choose("是否已解决", "未解决，需继续办理或升级");
            walk.complete();

            walk.logInAs("committee");
            walk.openFilter("待审批升级");
            walk.openTask("升级审批", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains("本级无法解决").contains("外墙修缮需要专项资金");
            walk.choose("审批结论", "同意升级");
            walk.type("审批意见", "同意提交街道联席会议");
            walk.complete();

            meet("street", caseNo, deadline);

            walk.logInAs("housing");
            walk.openFilter("本部门待认领");
            walk.openTask("牵头办理", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains("外墙修缮需要专项资金");
            walk.type("办理结果", "街道协调专项资金，外墙已修缮完毕");
            walk.choose("是否已解决", "已解决");
            walk.complete();

            evaluate(caseNo);
            assertClosed(caseNo);
            assertThat(issues.events(caseNo)).contains("ESCALATION_APPROVED");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }

    /** The secretary files through 启动流程 and reads the case number from the notification. */
    private String file(String title, String category, boolean severalDepartments) {
        walk.logInAs("secretary");
        walk.startProcess("五级三色联席汇办");
        walk.type("事项标题", title);
        walk.type("问题描述", "居民反映情况，需尽快处理");
        walk.choose("问题类别", category);
        walk.type("具体位置", "金沙东社区3号楼");
        walk.type("受影响户数", "12");
        walk.type("预计所需资金", "3000");
        if (severalDepartments) {
            walk.tick("需要多个部门协同");
        }
        String note = walk.submitStart();
        Matcher m = CASE_NO.matcher(note);
        assertThat(m.find()).as("case number in %s", note).isTrue();
        return m.group();
    }

    /** The convener first picks venue and time (选定会议时间), then holds the meeting and records who came. */
    @SuppressWarnings("unchecked")
    private void meet(String convener, String caseNo, LocalDate deadline) {
        walk.logInAs(convener);
        walk.openFilter("本级待定会议时间");
        walk.openTask("选定会议时间", caseNo);
        walk.claim();
        var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult();
        String slot = ((java.util.List<java.util.Map<String, String>>) runtime.getVariable(pi.getId(),
                "meetingChoices")).get(0).get("label");
        walk.choose("会议地点和时段", slot);
        walk.complete();

        walk.openFilter("本级待会商");
        walk.openTask("联席会商", caseNo);
        walk.claim();
        assertThat(walk.formText()).contains("会议时间").contains("会议地点");
        walk.choose("到会单位和人员", "住房和城乡建设局");
        walk.choose("牵头部门", "住房和城乡建设局");
        walk.date("办结期限", deadline);
        walk.type("会议纪要", "住建局牵头，社区配合入户");
        walk.complete();
    }

    private void evaluate(String caseNo) {
        walk.logInAs("secretary");
        walk.openFilter("本社区事项");
        walk.openTask("评价销号", caseNo);
        walk.claim();
        walk.choose("评价结论", "满意，销号");
        walk.choose("群众满意度", "5 很满意");
        walk.complete();
    }

    private void assertClosed(String caseNo) {
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .singleResult();
        assertThat(pi.getEndTime()).as("case %s closed", caseNo).isNotNull();
        assertThat(issues.events(caseNo)).contains("FILED", "HANDLED", "EVALUATED");
    }
}
