package cn.lianban.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.responsibility.ResponsibilityList.Category;
import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;
import cn.lianban.support.MigratedDb;

class ResponsibilityListTest {

    MigratedDb db;
    ResponsibilityList list;

    @BeforeEach
    void setUp() {
        db = MigratedDb.h2();
        list = new ResponsibilityList(JdbcClient.create(db.jdbc), event -> { });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static ResponsibilityItem basic(String code, String name, String lead, int days) {
        return new ResponsibilityItem(code, name, "MUNICIPAL", ResponsibilityList.BASIC, lead, List.of(), days, true);
    }

    static ResponsibilityItem coordination(String code, String name, String lead, List<String> helpers, int days) {
        return new ResponsibilityItem(code, name, "SAFETY", ResponsibilityList.COORDINATION, lead, helpers, days, true);
    }

    @Test
    void findsAnItemByCode() {
        ResponsibilityItem lamp = list.search(null, "路灯不亮").get(0);
        assertThat(list.find(lamp.code())).contains(lamp);
        assertThat(lamp.kind()).isEqualTo(ResponsibilityList.BASIC);
        assertThat(lamp.category()).isEqualTo("MUNICIPAL");
        assertThat(list.find("R-999")).isEmpty();
        assertThat(list.find(null)).isEmpty();

        ResponsibilityItem rental = list.search(null, "群租房安全隐患").get(0);
        assertThat(rental.isCoordination()).isTrue();
        assertThat(rental.helperDepts()).isNotEmpty();
        assertThat(rental.departments()).startsWith(rental.leadDept()).hasSize(1 + rental.helperDepts().size());
    }

    @Test
    void searchesByCategoryAndByPartOfNameOrCode() {
        List<ResponsibilityItem> municipal = list.search("MUNICIPAL", null);
        assertThat(municipal).isNotEmpty().allMatch(i -> i.category().equals("MUNICIPAL"));
        assertThat(list.search("MUNICIPAL", "  ")).isEqualTo(municipal);

        assertThat(list.search(null, "噪音扰民")).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(i -> i.name().contains("噪音扰民"));
        assertThat(list.search("ECOLOGY", "噪音扰民")).isNotEmpty().allMatch(i -> i.category().equals("ECOLOGY"));
        assertThat(list.search("MARKET", "路灯")).isEmpty();

        assertThat(list.search(null, "r-017")).extracting(ResponsibilityItem::code).containsExactly("R-017");
        assertThat(list.search(null, "R-22")).extracting(ResponsibilityItem::code).containsExactly("R-220");
        assertThat(list.search(null, "R-0")).hasSize(99);
        // LIKE wildcards in the text are taken literally
        assertThat(list.search(null, "%")).isEmpty();
        assertThat(list.search(null, "_")).isEmpty();
        assertThat(list.search("NO_SUCH", null)).isEmpty();
    }

    @Test
    void categoriesComeInDisplayOrder() {
        List<Category> categories = list.categories();
        assertThat(categories).extracting(Category::code).containsExactly("CITY_APPEARANCE", "MUNICIPAL", "PROPERTY",
                "TRAFFIC", "SAFETY", "ECOLOGY", "GREENING", "MARKET", "LIVELIHOOD", "DISPUTE");
        assertThat(categories.get(1)).isEqualTo(new Category("MUNICIPAL", "市政设施"));
    }

    @Test
    void savesANewItemAndChangesAnExistingOne() {
        ResponsibilityItem added = coordination("R-221", "  小区消防车通道划线  ", "fire", List.of("housing", "urban"), 10);
        list.save(added);
        ResponsibilityItem stored = list.find("R-221").orElseThrow();
        assertThat(stored).isEqualTo(coordination("R-221", "小区消防车通道划线", "fire", List.of("housing", "urban"), 10));

        ResponsibilityItem changed = new ResponsibilityItem("R-001", "占道经营（含夜市摊点）", "CITY_APPEARANCE",
                ResponsibilityList.BASIC, "urban", List.of(), 4, false);
        list.save(changed);
        assertThat(list.find("R-001")).contains(changed);
        assertThat(list.search(null, null)).hasSize(221);

        // an item becomes a coordination item and back
        list.save(coordination("R-001", "占道经营（含夜市摊点）", "urban", List.of("market"), 7));
        assertThat(list.find("R-001").orElseThrow().helperDepts()).containsExactly("market");
        list.save(changed);
        assertThat(list.find("R-001").orElseThrow().helperDepts()).isEmpty();
    }

    @Test
    void rejectsInvalidItemsNamingTheField() {
        expectRejected(null, "事项");
        expectRejected(basic(null, "某事项", "urban", 3), "code");
        expectRejected(basic("X-1", "某事项", "urban", 3), "code");
        expectRejected(basic("R-300", null, "urban", 3), "name");
        expectRejected(basic("R-300", "   ", "urban", 3), "name");
        expectRejected(basic("R-300", "长".repeat(101), "urban", 3), "name");
        expectRejected(basic("R-300", "路灯不亮", "urban", 3), "name"); // R-016 has it
        expectRejected(new ResponsibilityItem("R-300", "某事项", "NO_SUCH", ResponsibilityList.BASIC, "urban",
                List.of(), 3, true), "category");
        expectRejected(new ResponsibilityItem("R-300", "某事项", "MUNICIPAL", "OTHER", "urban", List.of(), 3, true),
                "kind");
        expectRejected(basic("R-300", "某事项", null, 3), "leadDept");
        expectRejected(basic("R-300", "某事项", "nosuchdept", 3), "leadDept");
        expectRejected(basic("R-300", "某事项", "urban", 2), "resolveDays");
        expectRejected(basic("R-300", "某事项", "urban", 16), "resolveDays");
        expectRejected(new ResponsibilityItem("R-300", "某事项", "MUNICIPAL", ResponsibilityList.BASIC, "urban",
                List.of("water"), 3, true), "helperDepts");
        expectRejected(coordination("R-300", "某事项", "urban", List.of(), 10), "helperDepts");
        expectRejected(coordination("R-300", "某事项", "urban", List.of("nosuchdept"), 10), "helperDepts");
        expectRejected(coordination("R-300", "某事项", "urban", List.of("water", "water"), 10), "helperDepts");
        expectRejected(coordination("R-300", "某事项", "urban", List.of("water", "urban"), 10), "helperDepts");
        expectRejected(coordination("R-300", "某事项", "urban", java.util.Arrays.asList("water", null), 10),
                "helperDepts");

        assertThat(list.find("R-300")).isEmpty();
        assertThat(list.search(null, null)).hasSize(220);
    }

    @Test
    void aRejectedChangeLeavesTheItemAsItWas() {
        ResponsibilityItem before = list.find("R-016").orElseThrow();
        expectRejected(new ResponsibilityItem("R-016", "路灯不亮", before.category(), before.kind(), "urban",
                List.of(), 30, true), "resolveDays");
        assertThat(list.find("R-016")).contains(before);
    }

    @Test
    void departmentsMustExistInTheDirectory() {
        try (MigratedDb empty = MigratedDb.h2WithoutDirectory()) {
            ResponsibilityList noDepartments = new ResponsibilityList(JdbcClient.create(empty.jdbc), event -> { });
            assertThatThrownBy(() -> noDepartments.save(basic("R-300", "某事项", "urban", 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leadDept");
        }
    }

    private void expectRejected(ResponsibilityItem item, String field) {
        assertThatThrownBy(() -> list.save(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field).satisfies(e -> assertThat(e.getMessage()).containsPattern("\\p{IsHan}"));
    }
}
