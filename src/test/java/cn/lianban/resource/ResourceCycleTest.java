package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.common.Conflict;
import cn.lianban.common.EngineClock;
import cn.lianban.common.NotFound;
import cn.lianban.support.Postgres;

/**
 * The monthly cycle (issue 15, point 4) on H2 and on embedded PostgreSQL: departments submit next month's items and
 * change only their own, the city center returns, approves and publishes, and publishing mails each community once.
 */
class ResourceCycleTest {

    /** 10 January 2031, 10:00 in Beijing: departments submit for February. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-01-10T02:00:00Z"), EngineClock.ZONE);
    private static final YearMonth FEBRUARY = YearMonth.of(2031, 2);

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    static ResourceDb pg;

    @BeforeAll
    static void database() {
        pg = ResourceDb.on(postgres.database());
    }

    @Test
    void aDepartmentChangesOnlyItsOwnItemsUntilTheCenterDecidesOnH2() {
        ResourceDb h2 = ResourceDb.h2();
        ownItems(h2, h2.cycle(CLOCK));
    }

    @Test
    void publishingMailsEachCommunityOnceOnH2() {
        ResourceDb h2 = ResourceDb.h2();
        publishing(h2, h2.cycle(CLOCK));
    }

    @Test
    void theWholeCycleOnPostgres() {
        assertThat(pg.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        ResourceSubmissions cycle = pg.cycle(CLOCK);
        ownItems(pg, cycle);
        publishing(pg, cycle);
    }

    /** V78 replaced V9's unnamed status check, which the two databases name differently. */
    @Test
    void anOrderRowTakesTimedOutAndStillNoOtherStatusOnBothDatabases() {
        for (ResourceDb db : List.of(pg, ResourceDb.h2())) {
            String insert = "INSERT INTO community_order(business_key, community_code, category, need, status, created_at, "
                    + "chosen_dept) VALUES (?, 'C-1', 'SERVICE', '需求', ?, CURRENT_TIMESTAMP, 'urban')";
            db.jdbc.update(insert, "RO-T-" + db.hashCode(), "TIMED_OUT");
            assertThatThrownBy(() -> db.jdbc.update(insert, "RO-X-" + db.hashCode(), "LOST"))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM community_order WHERE status = 'TIMED_OUT'",
                    Integer.class)).isOne();
        }
    }

    @Test
    void aSubmissionIsForNextMonthAndValidWithinIt() {
        ResourceSubmissions cycle = ResourceDb.h2().cycle(CLOCK);
        assertThat(cycle.nextMonth()).isEqualTo(FEBRUARY);
        assertThatThrownBy(() -> cycle.submit("urban", "urban", draft(YearMonth.of(2031, 3), "SERVICE", "三月的项目", "10", "")))
                .isInstanceOf(ResourceList.InvalidItem.class).hasMessage("只能申报下月（2031年2月）的项目");
        assertThatThrownBy(() -> cycle.submit("urban", "urban", new ResourceList.Draft("2031-02", "SERVICE", "跨月项目",
                "", "urban", "10", "", "2031-02-01", "2031-03-05")))
                .isInstanceOf(ResourceList.InvalidItem.class).hasMessage("有效期须在2031年2月之内");
        assertThatThrownBy(() -> cycle.submit("urban", "urban", draft(FEBRUARY, "FUNDS", "没有预算", "10", "")))
                .isInstanceOf(ResourceList.InvalidItem.class).hasMessageContaining("资金倾斜类项目须填写预算");
        assertThatThrownBy(() -> cycle.submit("urban", "urban", draft(FEBRUARY, "", " ", "", "")))
                .isInstanceOf(ResourceList.InvalidItem.class)
                .satisfies(e -> assertThat(((ResourceList.InvalidItem) e).errors()).containsKeys("category", "name", "capacity"));
    }

    private static void ownItems(ResourceDb db, ResourceSubmissions cycle) {
        String code = cycle.submit("urban", "urban", draft(FEBRUARY, "SERVICE", "城管进社区普法", "12", ""));
        String other = cycle.submit("urban", "urban", draft(FEBRUARY, "FACILITY", "口袋公园改造", "", "80000"));
        assertThat(state(cycle, code)).isEqualTo("待审核");
        assertThat(db.list.items(FEBRUARY)).as("nothing is on the list before publishing").isEmpty();
        assertThat(cycle.ofDepartment("housing", FEBRUARY)).isEmpty();

        assertThatThrownBy(() -> cycle.edit("housing", "housing", code, draft(FEBRUARY, "SERVICE", "改名", "1", "")))
                .isInstanceOf(NotFound.class).hasMessage("本部门没有项目 " + code);
        assertThatThrownBy(() -> cycle.withdraw("housing", "housing", code)).isInstanceOf(NotFound.class);
        assertThat(state(cycle, code)).isEqualTo("待审核");

        cycle.sendBack("center", code, "请写明每场的时长");
        assertThat(cycle.find(code).orElseThrow()).extracting(ResourceSubmissions.Submission::stateLabel,
                ResourceSubmissions.Submission::returnReason).containsExactly("退回修改", "请写明每场的时长");
        cycle.edit("urban", "urban", code, new ResourceList.Draft("", "SERVICE", "城管进社区普法", "每场两小时", "ignored",
                "12", "", "2031-02-01", "2031-02-28"));
        assertThat(cycle.find(code).orElseThrow()).extracting(ResourceSubmissions.Submission::stateLabel,
                ResourceSubmissions.Submission::returnReason, ResourceSubmissions.Submission::deptCode,
                ResourceSubmissions.Submission::description).containsExactly("待审核", null, "urban", "每场两小时");

        cycle.approve("center", code);
        assertThat(state(cycle, code)).isEqualTo("已通过");
        assertThatThrownBy(() -> cycle.edit("urban", "urban", code, draft(FEBRUARY, "SERVICE", "再改", "1", "")))
                .isInstanceOf(Conflict.class).hasMessageContaining("已通过，不能再修改或撤回");
        assertThatThrownBy(() -> cycle.approve("center", code)).isInstanceOf(Conflict.class);

        cycle.withdraw("urban", "urban", other);
        assertThat(cycle.find(other)).isEmpty();
        String third = cycle.submit("urban", "urban", draft(FEBRUARY, "FACILITY", "口袋公园改造", "", "80000"));
        assertThat(third).as("a withdrawn item's code is not given again").isNotEqualTo(other);
        assertThat(cycle.ofDepartment("urban", FEBRUARY)).extracting(ResourceSubmissions.Submission::code)
                .containsExactly(code, third);
        assertThat(cycle.decisions(FEBRUARY, "urban")).extracting(ResourceSubmissions.Decision::actionLabel)
                .startsWith("提交申报", "撤回申报", "审核通过", "修改申报", "退回修改");
        assertThat(cycle.decisions(FEBRUARY, "urban").get(4)).extracting(ResourceSubmissions.Decision::who,
                ResourceSubmissions.Decision::note, ResourceSubmissions.Decision::atLabel)
                .containsExactly("中心科员", "请写明每场的时长", "2031-01-10 10:00");
        cycle.sendBack("center", third, "预算请分列");
    }

    private static void publishing(ResourceDb db, ResourceSubmissions cycle) {
        cycle.approve("center", cycle.submit("urban", "urban", draft(FEBRUARY, "SERVICE", "社区法律顾问", "20", "")));
        String late = cycle.submit("urban", "urban", draft(FEBRUARY, "POLICY", "占道经营审批指导", "5", ""));
        int before = db.list.items(FEBRUARY).size();
        ResourceSubmissions.Published first = cycle.publish("center", FEBRUARY);
        assertThat(first.first()).isTrue();
        assertThat(first.publication().dateLabel()).isEqualTo("2031年1月10日");
        assertThat(first.publication().mailed()).isEqualTo(3);
        assertThat(db.list.items(FEBRUARY)).as("approved items only").hasSize(before + first.added())
                .allMatch(ResourceItem::published);
        assertThat(mails(db)).hasSize(3).allMatch(m -> m.get("SUBJECT").equals("【联办】资源清单已发布：2031年2月资源清单（共"
                + db.list.items(FEBRUARY).size() + "项）"));
        assertThat(mails(db)).extracting(m -> m.get("RECIPIENTS"))
                .containsExactlyInAnyOrder("c1@community", "c2@community", "sec3@community");
        assertThat((String) mails(db).get(0).get("BODY_HTML")).contains("2031年2月资源清单", "http://lianban.test/resources?month=2031-02");

        cycle.approve("center", late);
        ResourceSubmissions.Published again = cycle.publish("center", FEBRUARY);
        assertThat(again.first()).isFalse();
        assertThat(again.added()).isOne();
        assertThat(again.publication().publishedAt()).isEqualTo(first.publication().publishedAt());
        assertThat(cycle.publish("center", FEBRUARY).added()).isZero();
        assertThat(mails(db)).as("publishing again mails nobody").hasSize(3);
        assertThat(cycle.find(late).orElseThrow().stateLabel()).isEqualTo("已发布");
        assertThat(db.list.items(FEBRUARY)).extracting(ResourceItem::code).contains(late);
        assertThat(cycle.decisions(FEBRUARY, null)).filteredOn(d -> d.action().equals("PUBLISHED"))
                .extracting(ResourceSubmissions.Decision::note).containsExactly("补充发布，新增0项", "补充发布，新增1项",
                        "发布，新增" + first.added() + "项");
    }

    private static List<Map<String, Object>> mails(ResourceDb db) {
        return db.jdbc.queryForList("SELECT subject, recipients, body_html FROM mail_outbox WHERE kind = 'RESOURCE_LIST_PUBLISHED'");
    }

    private static String state(ResourceSubmissions cycle, String code) {
        return cycle.find(code).orElseThrow().stateLabel();
    }

    private static ResourceList.Draft draft(YearMonth month, String category, String name, String capacity, String budget) {
        return new ResourceList.Draft(month.toString(), category, name, "", "urban", capacity, budget,
                month.atDay(1).toString(), month.atEndOfMonth().toString());
    }
}
