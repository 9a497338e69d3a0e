package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * 配合办理 by hand (issue 13): a ticket on coordination item R-142 背街小巷综合整治 (城管局 leads, 住建局 and 公安局
 * help); 住建局 finds its part under 本部门配合工单 and records what it did; 城管局's 办理 form then shows that record.
 * Screenshots under target/browser/flows/ticket-help/.
 */
@LianbanTest
class TicketHelpBrowserTest extends ChineseBrowserTest {

    @Autowired
    TicketDriver tickets;
    @Autowired
    IssueDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;

    @Test
    void aHelperDepartmentRecordsItsPartAndTheLeadSeesItOnItsForm() {
        ProcessInstance pi = tickets.raise("itemCode", "R-142", "location", "东莱路背街小巷 " + TasklistWalker.digits());
        // 城管局's member accepts: 办理 is then hers, under 本部门办理中
        String accept = driver.task(pi, "accept").getId();
        identity.setAuthentication("urban", identity.createGroupQuery().groupMember("urban").list().stream()
                .map(Group::getId).toList());
        try {
            tasks.complete(accept, Map.of("accepted", true));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(runtime.getActiveActivityIds(pi.getId())).contains("resolve", "help");
        String ticketNo = pi.getBusinessKey();
        TasklistWalker walk = new TasklistWalker(browser, "http://localhost:" + port, "ticket-help");
        try {
            walk.logInAs("housing");
            walk.openFilter("本部门配合工单");
            walk.openTask("配合办理", ticketNo);
            walk.claim();
            assertThat(walk.formText()).contains(ticketNo).contains("背街小巷").contains("本部门为配合部门")
                    .contains("住房和城乡建设局");
            walk.type("配合情况", "已拆除两处违建雨棚，清理建筑垃圾");
            walk.complete();

            assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("help").count())
                    .as("公安局's part is still open").isOne();
            assertThat((String) runtime.getVariable(pi.getId(), "helpRecord")).contains("住房和城乡建设局")
                    .contains("已拆除两处违建雨棚");
            assertThat(driver.events(ticketNo)).contains("HELPED");

            walk.logInAs("urban");
            walk.openFilter("本部门办理中");
            walk.openTask("办理", ticketNo);
            walk.claim();
            assertThat(walk.formText()).contains("配合部门").contains("住房和城乡建设局")
                    .contains("已拆除两处违建雨棚，清理建筑垃圾");
            walk.type("办理结果", "会同住建局整治背街小巷，违建已拆除");
            walk.complete();
            assertThat(runtime.getActiveActivityIds(pi.getId())).contains("confirm");
        } catch (RuntimeException | AssertionError e) {
            throw walk.failed(e);
        }
    }
}
