package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * A 双联双促 ticket walked by hand in a Chinese browser, only by clicking: the grid worker raises it, the
 * department returns it, the street dispatches it to another, that one accepts and resolves it, the
 * secretary confirms and rates it. Screenshots of every step are under target/browser/flows/ticket/.
 */
@LianbanTest
class TicketFlowBrowserTest extends ChineseBrowserTest {

    private static final Pattern TICKET_NO = Pattern.compile("TK-\\d{4}-\\d{6}");

    @Autowired
    HistoryService history;
    @Autowired
    IssueDriver trail;

    @Test
    void aTicketIsReturnedRedispatchedAcceptedResolvedConfirmedAndRated() {
        TasklistWalker walk = new TasklistWalker(browser, "http://localhost:" + port, "ticket");
        String where = "菜市场东门 " + TasklistWalker.digits();
        try {
            walk.logInAs("gridworker");
            walk.startProcess("双联双促工单");
            walk.choose("权责清单事项", "占道经营");
            walk.type("问题描述", "菜市场门口流动摊贩占道经营，影响通行");
            walk.type("具体位置（可选）", where);
            Matcher m = TICKET_NO.matcher(walk.submitStart());
            assertThat(m.find()).isTrue();
            String ticketNo = m.group();

            walk.logInAs("urban");
            walk.openFilter("本部门待接单");
            assertThat(walk.card("部门接单", ticketNo)).contains("城市管理局").contains("待接单");
            walk.openTask("部门接单", ticketNo);
            walk.claim();
            assertThat(walk.formText()).contains(ticketNo).contains("占道经营").contains(where);
            walk.choose("接单意见", "退单（非本部门职责）");
            walk.type("退单理由", "该市场属住建局管理的小区配套，请改派");
            walk.complete();

            walk.logInAs("street");
            walk.openFilter("街道待派单");
            walk.openTask("街道协调派单", ticketNo);
            walk.claim();
            assertThat(walk.formText()).contains("请改派");
            walk.choose("承办部门", "住房和城乡建设局");
            walk.type("派单说明", "小区配套设施，由住建局办理");
            walk.complete();

            walk.logInAs("housing");
            walk.openFilter("本部门待接单");
            walk.openTask("部门接单", ticketNo);
            walk.claim();
            walk.choose("接单意见", "接单");
            walk.complete();
            walk.openFilter("本部门办理中");
            walk.openTask("办理", ticketNo);
            walk.claim();
            walk.type("办理结果", "已协调物业清理摊位，设置提示牌");
            walk.complete();

            walk.logInAs("secretary");
            walk.openFilter("本社区待确认");
            walk.openTask("社区确认", ticketNo);
            walk.claim();
            assertThat(walk.formText()).contains("已协调物业清理摊位");
            walk.choose("确认结果", "已解决");
            walk.complete();
            // 回访评价 is hers at once: no second claim
            walk.openFilter("本社区待确认");
            walk.openTask("回访评价", ticketNo);
            walk.choose("群众满意度", "5 很满意");
            walk.complete();

            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(ticketNo).singleResult();
            assertThat(pi.getEndTime()).as("ticket %s closed", ticketNo).isNotNull();
            HistoricTaskInstance rated = history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey("rate").singleResult();
            assertThat(rated.getAssignee()).isEqualTo("secretary");
            assertThat(trail.events(ticketNo)).contains("RETURNED", "ACCEPTED", "RESOLVED");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
