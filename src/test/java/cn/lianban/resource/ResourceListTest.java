package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.lianban.directory.DemoDirectoryGenerator;

/** Publishing an item with every field checked, and the deterministic demo lists. */
class ResourceListTest {

    private final ResourceDb db = ResourceDb.h2();

    @Test
    void publishesWithTheNextCodeOfTheMonth() {
        String first = db.list.publish(draft("2031-09", "FUNDS", "社区微更新专项资金", "finance", "", "200000.50"));
        String second = db.list.publish(draft("2031-09", "SERVICE", "中医义诊进社区", "health", "6", ""));
        String other = db.list.publish(draft("2031-10", "SERVICE", "中医义诊进社区", "health", "6", ""));
        assertThat(List.of(first, second, other)).containsExactly("RS-2031-09-001", "RS-2031-09-002", "RS-2031-10-001");
        ResourceItem item = db.list.find(first).orElseThrow();
        assertThat(item.budget()).isEqualByComparingTo("200000.50");
        assertThat(item.capacity()).isNull();
        assertThat(item.published()).isTrue();
        assertThat(item.budgetLeft()).isEqualByComparingTo("200000.50");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        Map<String, String> errors = refused(new ResourceList.Draft("2031/09", "MONEY", "", "x".repeat(2001), "nobody",
                "0", "abc", "2031-09-31", ""));
        assertThat(errors).containsOnlyKeys("month", "category", "name", "description", "deptCode", "capacity",
                "budget", "validFrom", "validTo");
        assertThat(errors.get("month")).contains("YYYY-MM");
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM resource_item", Integer.class)).isZero();
    }

    @Test
    void fundsNeedABudgetAndOthersACapacityOrBudget() {
        assertThat(refused(draft("2031-09", "FUNDS", "资金", "finance", "5", ""))).containsOnlyKeys("budget");
        assertThat(refused(draft("2031-09", "POLICY", "政策", "approval", "", ""))).containsOnlyKeys("capacity");
        assertThat(refused(draft("2031-09", "FUNDS", "资金", "finance", "", "10.123"))).containsOnlyKeys("budget");
    }

    @Test
    void validityAndNamesAreChecked() {
        assertThat(refused(new ResourceList.Draft("2031-09", "POLICY", "政策", "", "approval", "5", "", "2031-09-30",
                "2031-09-01")).get("validTo")).contains("不能早于有效期起");
        assertThat(refused(new ResourceList.Draft("2031-09", "POLICY", "政策", "", "approval", "5", "", "2031-08-01",
                "2031-08-31")).get("validTo")).contains("不能早于清单月份");
        db.list.publish(draft("2031-09", "POLICY", "政策宣讲", "approval", "5", ""));
        assertThat(refused(draft("2031-09", "POLICY", "政策宣讲", "approval", "5", "")).get("name")).contains("已有项目");
    }

    @Test
    void theDemoListsAreDeterministicAndPlausible() {
        Set<String> departments = Arrays.stream(DemoDirectoryGenerator.DEPARTMENTS).map(d -> d[0])
                .collect(Collectors.toSet());
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2026, m);
            List<ResourceItem> items = new DemoResourceGenerator(20261129L).generate(month);
            assertThat(items).isEqualTo(new DemoResourceGenerator(20261129L).generate(month));
            assertThat(items).hasSizeBetween(DemoResourceGenerator.MIN_ITEMS, DemoResourceGenerator.MAX_ITEMS);
            assertThat(items).extracting(ResourceItem::category).contains("POLICY", "FUNDS", "SERVICE", "FACILITY");
            assertThat(items).extracting(ResourceItem::code).doesNotHaveDuplicates()
                    .allMatch(c -> c.startsWith("RS-" + month + "-"));
            assertThat(items).extracting(ResourceItem::name).doesNotHaveDuplicates();
            assertThat(items).allSatisfy(i -> {
                assertThat(departments).contains(i.deptCode());
                assertThat(i.capacity() != null || i.budget() != null).isTrue();
                assertThat(i.name()).containsPattern("\\p{IsHan}");
                assertThat(i.validOn(month.atDay(1)) && i.validOn(month.atEndOfMonth())).isTrue();
                assertThat(i.published()).isTrue();
            });
            assertThat(items).filteredOn(i -> i.category().equals("FUNDS")).allMatch(i -> i.budget() != null);
        }
        assertThat(new DemoResourceGenerator(1L).generate(YearMonth.of(2026, 11)))
                .isNotEqualTo(new DemoResourceGenerator(20261129L).generate(YearMonth.of(2026, 11)));
    }

    private Map<String, String> refused(ResourceList.Draft d) {
        return catchThrowableOfType(ResourceList.InvalidItem.class, () -> db.list.publish(d)).errors();
    }

    private static ResourceList.Draft draft(String month, String category, String name, String dept, String capacity,
                                            String budget) {
        YearMonth m = YearMonth.parse(month);
        return new ResourceList.Draft(month, category, name, "说明", dept, capacity, budget, m.atDay(1).toString(),
                m.atEndOfMonth().toString());
    }
}
