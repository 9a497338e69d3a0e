package cn.lianban.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.responsibility.ResponsibilityList.Category;
import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;
import cn.lianban.support.MigratedDb;

/** What Flyway V5 puts in the 权责清单: the reference figures and a list that makes sense. */
class ResponsibilityListMigrationTest {

    static final Set<String> DEPARTMENTS = Arrays.stream(DemoDirectoryGenerator.DEPARTMENTS).map(d -> d[0])
            .collect(Collectors.toSet());

    static MigratedDb db;
    static List<ResponsibilityItem> items;
    static List<Category> categories;

    @BeforeAll
    static void migrate() {
        db = MigratedDb.h2();
        ResponsibilityList list = new ResponsibilityList(JdbcClient.create(db.jdbc), event -> { });
        items = list.search(null, null);
        categories = list.categories();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void has141BasicAnd79CoordinationItemsWithContiguousCodes() {
        assertThat(items).hasSize(220);
        assertThat(items).extracting(ResponsibilityItem::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 220).mapToObj(i -> String.format("R-%03d", i)).toList());
        assertThat(items.subList(0, 141)).extracting(ResponsibilityItem::kind).containsOnly(ResponsibilityList.BASIC);
        assertThat(items.subList(141, 220)).extracting(ResponsibilityItem::kind)
                .containsOnly(ResponsibilityList.COORDINATION);
        assertThat(items).allMatch(ResponsibilityItem::active);
    }

    @Test
    void namesAreDistinctAndPlain() {
        assertThat(items).extracting(ResponsibilityItem::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(100)
                        .doesNotStartWith(" ").doesNotEndWith(" "));
        assertThat(items).extracting(ResponsibilityItem::name)
                .contains("路灯不亮", "窨井盖缺失或破损", "占道经营", "楼道堆放杂物", "噪音扰民（施工夜间作业）", "共享单车乱停放",
                        "小区二次供水水质异常", "违章搭建", "独居老人需要上门探访", "老旧小区雨污分流改造", "背街小巷综合整治",
                        "群租房安全隐患", "小区电动车集中充电设施建设");
    }

    @Test
    void departmentsAreOfTheThirtyAndHelpersFitTheKind() {
        for (ResponsibilityItem item : items) {
            assertThat(item.leadDept()).as(item.code()).isIn(DEPARTMENTS);
            if (item.isCoordination()) {
                assertThat(item.helperDepts()).as(item.code()).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                        .doesNotContain(item.leadDept()).allMatch(DEPARTMENTS::contains);
            } else {
                assertThat(item.helperDepts()).as(item.code()).isEmpty();
            }
        }
        // and every code names a department that the directory really has
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM responsibility_item r"
                + " LEFT JOIN department d ON d.code = r.lead_dept WHERE d.code IS NULL", Integer.class)).isZero();
        Set<String> stored = new HashSet<>(db.jdbc.queryForList("SELECT code FROM department", String.class));
        assertThat(items).flatExtracting(ResponsibilityItem::departments).allMatch(stored::contains);
    }

    @Test
    void resolutionLimitsFitTheKind() {
        assertThat(items).filteredOn(i -> !i.isCoordination()).extracting(ResponsibilityItem::resolveDays)
                .allMatch(d -> d >= 3 && d <= 5);
        assertThat(items).filteredOn(ResponsibilityItem::isCoordination).extracting(ResponsibilityItem::resolveDays)
                .allMatch(d -> d >= 7 && d <= 15);
    }

    @Test
    void everyCategoryIsUsedByBothKinds() {
        assertThat(categories).hasSizeBetween(8, 10);
        assertThat(categories).extracting(Category::name).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
        for (Category c : categories) {
            assertThat(items).as(c.code()).anyMatch(i -> i.category().equals(c.code()) && !i.isCoordination())
                    .anyMatch(i -> i.category().equals(c.code()) && i.isCoordination());
        }
        Set<String> codes = categories.stream().map(Category::code).collect(Collectors.toSet());
        assertThat(items).extracting(ResponsibilityItem::category).allMatch(codes::contains);
    }

    @Test
    void migratesOnAnEmptyDatabaseBeforeAnyDepartmentExists() {
        try (MigratedDb empty = MigratedDb.h2WithoutDirectory()) {
            assertThat(empty.jdbc.queryForObject("SELECT COUNT(*) FROM department", Integer.class)).isZero();
            assertThat(empty.jdbc.queryForObject("SELECT COUNT(*) FROM responsibility_item", Integer.class))
                    .isEqualTo(220);
        }
    }
}
