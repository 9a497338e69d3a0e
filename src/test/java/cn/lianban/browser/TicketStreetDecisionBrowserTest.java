package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;
import cn.lianban.ticket.TicketCaseReader;

/**
 * Issue #13: the street office finds a ticket the community found not solved twice under its own filter
 * 街道研判工单, reads why, and raises it into a joint-handling case (大事不出镇) only by clicking. Screenshots
 * under target/browser/flows/ticket-street-decide/.
 */
@LianbanTest
class TicketStreetDecisionBrowserTest extends ChineseBrowserTest {

    @Autowired
    TicketDriver tickets;
    @Autowired
    IssueDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    TicketCaseReader cases;

    @Test
    void theStreetRaisesATicketNotSolvedTwiceIntoAJointCase() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        for (int round = 0; round < 2; round++) {
            driver.complete(pi, "resolve", "result", "已劝离摊贩");
            tasks.complete(driver.task(pi, "confirm").getId(), Map.of("solved", false, "confirmNote", "摊贩仍在"));
        }
        String ticketNo = pi.getBusinessKey();
        TasklistWalker walk = new TasklistWalker(browser, "http://localhost:" + port, "ticket-street-decide");
        try {
            walk.logInAs("street");
            walk.openFilter("街道研判工单");
            assertThat(walk.card("街道研判处置", ticketNo)).contains("街道研判").contains("城市管理局");
            walk.openTask("街道研判处置", ticketNo);
            walk.claim();
            assertThat(walk.formText()).contains(ticketNo).contains("第2次确认未解决").contains("已劝离摊贩")
                    .contains("摊贩仍在");
            walk.choose("处置方式", "提级联席汇办（大事不出镇）");
            walk.choose("联席汇办问题类别", "环境卫生");
            walk.type("研判意见", "反复回潮，需城管、市场监管、公安联合整治，提交联席汇办");
            walk.assertNoEnglish("街道研判处置");
            walk.complete();

            String jointKey = cases.find(ticketNo).orElseThrow().jointCaseKey();
            assertThat(jointKey).as("ticket %s raised", ticketNo).matches("JH-\\d{4}-\\d{6}");
            assertThat(cases.find(ticketNo).orElseThrow().status()).isEqualTo("JOINT");
            assertThat(driver.events(jointKey)).contains("FROM_TICKET");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
