package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;
import cn.lianban.support.AsUser;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/** The start form leaves community and grid empty: they come from the raiser's login; another unit is refused. */
class TicketRaisingUnitTest extends ProcessTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    AsUser users;
    @Autowired
    Directory directory;

    @Test
    void aGridWorkerGetsHerGridAndItsCommunityWithoutTyping() {
        // Tasklist submits empty text fields as ""
        ProcessInstance pi = raiseAs("gridworker", "communityCode", "", "gridCode", "");
        assertThat(runtime.getVariables(pi.getId())).containsEntry("communityCode", "C-DL-01")
                .containsEntry("gridCode", "G-DL-01-01")
                .containsEntry("communityName", directory.community("C-DL-01").orElseThrow().name())
                .containsEntry("gridName", directory.grid("G-DL-01-01").orElseThrow().name())
                .containsEntry("communityGroup", "community:C-DL-01");
    }

    @Test
    void aSecretaryGetsHerCommunityAndMayNameOneOfItsGrids() {
        ProcessInstance own = raiseAs("secretary", "communityCode", null, "gridCode", null);
        assertThat(runtime.getVariables(own.getId())).containsEntry("communityCode", "C-DL-01")
                .containsEntry("gridCode", null).containsEntry("gridName", null);
        ProcessInstance grid = raiseAs("secretary", "communityCode", "", "gridCode", "G-DL-01-02");
        assertThat(runtime.getVariable(grid.getId(), "gridCode")).isEqualTo("G-DL-01-02");
    }

    @Test
    void anotherCommunityOrGridIsRefusedWithASentence() {
        String nameOfA = directory.community("C-DL-01").orElseThrow().name();
        assertThatThrownBy(() -> raiseAs("secretary2", "communityCode", "C-DL-01", "gridCode", "",
                "description", "代别的单位点单"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("只能为本社区或本网格点单，" + nameOfA + "（C-DL-01）不是您所在的社区");
        String otherGrid = directory.grid("G-DL-01-02").orElseThrow().name();
        assertThatThrownBy(() -> raiseAs("gridworker", "communityCode", "", "gridCode", "G-DL-01-02",
                "description", "代别的单位点单"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("只能为本社区或本网格点单，" + otherGrid + "不是您所在的网格");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ticket")
                .variableValueEquals("description", "代别的单位点单").count()).as("a refused start stores nothing").isZero();
    }

    @Test
    void whoAnswersForNoCommunityMustNameOne() {
        assertThatThrownBy(() -> raiseAs("admin", "communityCode", "", "gridCode", ""))
                .hasMessage("请填写社区编码，如 C-DL-01");
        ProcessInstance named = raiseAs("admin", "communityCode", "C-XJ-01", "gridCode", "");
        assertThat(runtime.getVariable(named.getId(), "communityCode")).isEqualTo("C-XJ-01");
    }

    private ProcessInstance raiseAs(String user, Object... changes) {
        Map<String, Object> start = TicketDriver.ticket(changes);
        return users.as(user, () -> runtime.startProcessInstanceByKey("ticket", start));
    }
}
