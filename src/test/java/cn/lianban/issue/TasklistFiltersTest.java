package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.startup.StartupStep;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/** Each role's Tasklist filters show that user's own work, and a restart adds nothing. */
@LianbanTest
class TasklistFiltersTest {

    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    cn.lianban.support.AsUser users;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IssueDriver driver;
    @Autowired
    java.util.List<StartupStep> startup;

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        driver.resetClock();
    }

    @Test
    void departmentsSeeTheirUnclaimedAndClaimedWork() {
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of("urban"), "deadline",
                java.time.LocalDate.now(cn.lianban.common.EngineClock.ZONE).plusDays(1).toString(), "minutes", "纪要");

        assertThat(ids(as("housing", () -> list("本部门待认领")))).contains(driver.task(pi, "handle").getId())
                .doesNotContain(driver.task(pi, "assist").getId());
        assertThat(ids(as("urban", () -> list("本部门待认领")))).contains(driver.task(pi, "assist").getId())
                .doesNotContain(driver.task(pi, "handle").getId());

        as("housing", () -> {
            driver.claim(pi, "handle", "housing");
            return null;
        });
        assertThat(ids(as("housing", () -> list("本部门待认领")))).doesNotContain(driver.task(pi, "handle").getId());
        assertThat(ids(as("housing", () -> list("本部门办理中")))).contains(driver.task(pi, "handle").getId());
    }

    @Test
    void theAreaCommitteeSeesRatingsOfItsOwnAreaOnly() {
        ProcessInstance ofA = driver.file();
        ProcessInstance ofB = driver.file("communityCode", "C-XJ-01");
        List<String> visible = ids(as("committee", () -> list("本片区待评级")));
        assertThat(visible).contains(driver.task(ofA, "rate").getId()).doesNotContain(driver.task(ofB, "rate").getId());
        assertThat(ids(as("secretary", () -> list("本社区事项")))).doesNotContain(driver.task(ofB, "rate").getId());
    }

    @Test
    void theJointMeetingIsInTheFilterOfTheUnitThatConvenesItAtLevelsThreeFourAndFive() {
        ProcessInstance area = driver.file("multiDepartment", true);
        driver.complete(area, "rate", "color", "YELLOW");
        driver.scheduleMeeting(area);
        ProcessInstance city = driver.file("category", "SAFETY", "safetyRisk", true, "households", 120L);
        driver.complete(city, "rate", "color", "RED");
        driver.scheduleMeeting(city);
        ProcessInstance street = driver.file("multiDepartment", true);
        driver.complete(street, "rate", "color", "YELLOW");
        driver.scheduleMeeting(street);
        driver.complete(street, "meet", "leadDept", "urban", "coDepts", List.of(), "deadline",
                cn.lianban.common.EngineClock.now().toLocalDate().plusDays(1).toString(), "minutes", "城管牵头");
        driver.fireTimer(street, "overdue");
        driver.complete(street, "approveEscalation", "approved", true, "comment", "同意升级到街道");
        // the street chooses the time of its meeting from its own list first
        String scheduling = driver.task(street, "scheduleMeeting").getId();
        assertThat(ids(as("street", () -> list("本级待定会议时间")))).contains(scheduling);
        assertThat(ids(as("committee", () -> list("本级待定会议时间")))).doesNotContain(scheduling);
        driver.scheduleMeeting(street);
        String level3 = driver.task(area, "meet").getId();
        String level4 = driver.task(street, "meet").getId();
        String level5 = driver.task(city, "meet").getId();

        assertThat(ids(as("committee", () -> list("本级待会商")))).contains(level3).doesNotContain(level4, level5);
        assertThat(ids(as("street", () -> list("本级待会商")))).contains(level4).doesNotContain(level3, level5);
        assertThat(ids(as("center", () -> list("本级待会商")))).contains(level5).doesNotContain(level3, level4);
        as("committee", () -> {
            driver.claim(area, "meet", "committee");
            return null;
        });
        assertThat(ids(as("committee", () -> list("本级待会商")))).as("still found once claimed").contains(level3);
        assertThat(as("secretary", () -> filters.createFilterQuery().filterName("本级待会商").count())).isZero();
        assertThat(as("housing", () -> filters.createFilterQuery().filterName("本级待会商").count())).isZero();
    }

    @Test
    void gridWorkersAndTheSecretaryFindTheCommunitysOwnHandling() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        String handle = driver.task(pi, "handle").getId();
        assertThat(ids(as("secretary", () -> list("本社区事项")))).contains(handle);
        assertThat(ids(as("gridworker", () -> list("本社区事项")))).contains(handle);
        as("gridworker", () -> {
            driver.claim(pi, "handle", "gridworker");
            return null;
        });
        assertThat(ids(as("gridworker", () -> list("本社区事项")))).contains(handle);
        assertThat(ids(as("secretary2", () -> list("本社区事项")))).doesNotContain(handle);
    }

    @Test
    void cardsOfJointHandlingShowWordsNotCodes() {
        for (String name : List.of("本社区事项", "本片区待评级", "本级待会商", "本部门待认领", "本部门办理中", "全市逾期")) {
            List<java.util.Map<String, String>> columns = columns(name);
            assertThat(columns).as(name).extracting(c -> c.get("name")).containsExactly("caseNo", "title",
                    "communityName", "statusLabel", "colorLabel", "levelLabel", "leadDeptName", "dueLabel",
                    "timeLightLabel", "acceptanceLabel");
            assertThat(columns).as(name).extracting(c -> c.get("label")).containsExactly("编号", "标题", "社区", "状态",
                    "评级", "层级", "牵头部门", "办理期限", "时效", "签收");
        }
        // issue 13: the approver sees why each request comes; the review why the case is on the register
        assertThat(columns("待审批升级")).extracting(c -> c.get("label")).containsExactly("编号", "标题", "社区", "状态",
                "评级", "层级", "牵头部门", "办理期限", "时效", "签收", "升级原因");
        assertThat(columns("待审批升级")).last().extracting(c -> c.get("name")).isEqualTo("escalationReasonLabel");
        assertThat(columns("挂账待复核")).extracting(c -> c.get("name")).endsWith("shelfLabel", "shelfReviewLabel");
        assertThat(columns("挂账待复核")).extracting(c -> c.get("label")).endsWith("挂账原因", "复核日期");
    }

    @SuppressWarnings("unchecked")
    private List<java.util.Map<String, String>> columns(String filter) {
        return (List<java.util.Map<String, String>>) filters.createFilterQuery().filterName(filter).singleResult()
                .getProperties().get("variables");
    }

    @Test
    void theCityCenterSeesOverdueWorkEverywhere() {
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        String handle = driver.task(pi, "handle").getId();
        assertThat(ids(as("center", () -> list("全市逾期")))).doesNotContain(handle);
        driver.clockAt(java.time.LocalDateTime.now().plusDays(30));
        assertThat(ids(as("center", () -> list("全市逾期")))).contains(handle);
        assertThat(filters.createFilterQuery().filterName("全市逾期").count()).isOne();
        assertThat(as("secretary", () -> filters.createFilterQuery().filterName("全市逾期").count())).isZero();
    }

    @Test
    void aSecondStartCreatesNoFiltersAndNoAuthorizations() throws Exception {
        long filterCount = filters.createFilterQuery().count();
        long authCount = authorizations.createAuthorizationQuery().count();
        startup.forEach(StartupStep::run);
                assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(filters.createFilterQuery().list()).extracting(org.camunda.bpm.engine.filter.Filter::getName)
                .contains("本社区事项", "本片区待评级", "本级待会商", "待审批升级", "本部门待认领", "本部门办理中", "全市逾期",
                        "本部门待接单", "街道待派单", "本社区待确认", "阵地预约待审批").doesNotHaveDuplicates();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authCount);
    }

    private List<Task> list(String filterName) {
        String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        return filters.list(id);
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private <T> T as(String user, Supplier<T> work) {
        return users.as(user, work);
    }
}
