package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The grid level (issue 14): the grid worker files a case in Tasklist leaving the grid empty (his own), and once it
 * is rated green (level 1) finds its 牵头办理 in his own filter 本网格待办, claims it and reports it solved.
 * Screenshots under target/browser/flows/grid-level/.
 */
@LianbanTest
class GridLevelBrowserTest extends ChineseBrowserTest {

    private static final Pattern CASE_NO = Pattern.compile("JH-\\d{4}-\\d{6}");

    @Autowired
    IssueDriver issues;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void theGridWorkerHandlesALevelOneCaseOfHisGridThroughHisOwnFilter() {
        TasklistWalker walk = new TasklistWalker(browser, base(), "grid-level");
        String title = "网格内井盖破损 " + TasklistWalker.digits();
        try {
            walk.logInAs("gridworker");
            walk.startProcess("五级三色联席汇办");
            walk.type("事项标题", title);
            walk.type("问题描述", "3号楼南侧井盖破损，夜间行人易踏空");
            walk.choose("问题类别", "公共设施");
            walk.type("具体位置", "3号楼南侧");
            walk.type("受影响户数", "8");
            walk.type("预计所需资金", "500");
            Matcher m = CASE_NO.matcher(walk.submitStart());
            assertThat(m.find()).isTrue();
            String caseNo = m.group();
            ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                    .singleResult();
            assertThat(runtime.getVariable(pi.getId(), "gridCode")).isEqualTo("G-DL-01-01");
            String gridName = (String) runtime.getVariable(pi.getId(), "gridName");
            // the committee's rating is not this test's: green, level 1
            issues.complete(pi, "rate", "color", "GREEN");

            walk.openFilter("本网格待办");
            assertThat(walk.card("牵头办理", caseNo)).contains(title).contains("办理中").contains("第一级（网格）")
                    .contains(gridName);
            walk.openTask("牵头办理", caseNo);
            walk.claim();
            assertThat(walk.formText()).contains(caseNo);
            walk.type("办理结果", "已联系市政更换井盖并设置警示");
            walk.choose("是否已解决", "已解决");
            walk.complete();

            assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("evaluate");
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("handle").singleResult().getAssignee()).isEqualTo("gridworker");
            assertThat(walk.page("/cases/" + caseNo, "案件全貌")).contains(caseNo).contains("评价销号").contains(gridName);
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
