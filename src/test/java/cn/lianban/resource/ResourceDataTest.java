package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;

import cn.lianban.common.EngineClock;
import cn.lianban.support.Postgres;

/**
 * V9 and the resource SQL on H2 and on PostgreSQL 17, without Spring: above all the budget race at service
 * level, where many claims reserve from one item at the same moment. The conditional UPDATE lets the
 * database arbitrate, so the item is never over-committed and exactly what fits succeeds.
 */
class ResourceDataTest {

    private static final YearMonth JANUARY = YearMonth.of(2031, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2031, 2);

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    static ResourceDb pg;
    static ResourceDb h2;

    @BeforeAll
    static void databases() throws Exception {
        pg = ResourceDb.on(postgres.database());
        h2 = ResourceDb.h2();
    }

    @Test
    void budgetRaceOnH2() throws Exception {
        race(h2);
    }

    @Test
    void budgetRaceOnPostgres() throws Exception {
        assertThat(pg.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        race(pg);
    }

    @Test
    void listsAndTotalsOnH2() {
        listsAndTotals(h2);
    }

    @Test
    void listsAndTotalsOnPostgres() {
        listsAndTotals(pg);
    }

    /** Demo lists for the last quarter of 2030 stored and read back; totals of December 2030 by hand. */
    private static void listsAndTotals(ResourceDb db) {
        DemoResourceGenerator generator = new DemoResourceGenerator(20261129L);
        for (int m = 10; m <= 12; m++) {
            db.list.insert(generator.generate(YearMonth.of(2030, m)));
        }
        List<ResourceItem> december = generator.generate(YearMonth.of(2030, 12));
        assertThat(db.list.items(YearMonth.of(2030, 12))).containsExactlyInAnyOrderElementsOf(december);
        assertThat(db.list.items(YearMonth.of(2030, 12))).extracting(ResourceItem::category).isSortedAccordingTo(
                java.util.Comparator.comparing(List.of("POLICY", "FUNDS", "SERVICE", "FACILITY")::indexOf));
        assertThat(db.list.months()).containsSubsequence("2030-12", "2030-11", "2030-10");
        assertThat(db.publish(FEBRUARY, "POLICY", "资源清单测试", "3", "")).isEqualTo("RS-2031-02-001");
        assertThat(db.publish(FEBRUARY, "POLICY", "资源清单测试二", "3", "")).isEqualTo("RS-2031-02-002");

        String item = december.get(0).code();
        Timestamp inDecember = Timestamp.from(LocalDateTime.of(2030, 12, 31, 23, 0).atZone(EngineClock.ZONE).toInstant());
        db.jdbc.update("INSERT INTO resource_claim(business_key, item_code, community_code, need, amount, status, "
                + "created_at, delivered_at) VALUES ('RC-2030-000001', ?, 'C-DL-01', '测试', 1234.5, 'DELIVERED', ?, ?)",
                item, inDecember, inDecember);
        db.jdbc.update("INSERT INTO resource_claim(business_key, item_code, community_code, need, places, status, "
                + "created_at, delivered_at) VALUES ('RC-2030-000002', ?, 'C-DL-01', '测试', 2, 'CONFIRMED', ?, ?)",
                item, inDecember, inDecember);
        db.jdbc.update("INSERT INTO community_order(business_key, community_code, category, need, status, amount_spent, "
                + "created_at, completed_at) VALUES ('RO-2030-000001', 'C-DL-01', 'FUNDS', '测试', 'COMPLETED', 100, ?, ?)",
                inDecember, inDecember);
        // 1234.50 + 0 + 100 = 1334.50 over two claims and one order
        assertThat(new ResourceTotals(db.jdbc).totals(YearMonth.of(2030, 12))).containsExactly(
                new ResourceTotals.Total("C-DL-01", null, 2, 1, new BigDecimal("1334.50")));
        assertThat(new ResourceTotals(db.jdbc).totals(JANUARY)).isEmpty();
    }

    private static void race(ResourceDb db) throws Exception {
        // 24 claims of 1500 yuan on 10000: six fit (9000), the seventh would make 10500
        String funds = db.publish(JANUARY, "FUNDS", "社区微更新专项资金", "", "10000");
        assertThat(db.race(funds, 24, new BigDecimal("1500"), 0)).isEqualTo(6);
        ResourceItem item = db.list.find(funds).orElseThrow();
        assertThat(item.committed()).isEqualByComparingTo("9000");
        assertThat(item.budgetLeft()).isEqualByComparingTo("1000");

        // 16 claims of one place on 5 places
        String places = db.publish(JANUARY, "SERVICE", "家庭医生签约上门服务", "5", "");
        assertThat(db.race(places, 16, BigDecimal.ZERO, 1)).isEqualTo(5);
        assertThat(db.list.find(places).orElseThrow().taken()).isEqualTo(5);

        // an item with both is refused when either runs out
        String both = db.publish(JANUARY, "FACILITY", "电动自行车集中充电棚", "2", "50000");
        assertThat(db.list.reserve(both, new BigDecimal("30000"), 1)).isTrue();
        assertThat(db.list.reserve(both, new BigDecimal("30000"), 1)).as("budget runs out").isFalse();
        assertThat(db.list.reserve(both, new BigDecimal("10000"), 1)).isTrue();
        assertThat(db.list.reserve(both, new BigDecimal("1"), 1)).as("places run out").isFalse();
        assertThat(db.list.reserve(places, BigDecimal.ONE, 0)).as("no budget to reserve from").isFalse();

        // a release gives back what was reserved, and the CHECKs stop anything that bypasses reserve
        db.list.release(funds, new BigDecimal("1500"), 0);
        assertThat(db.list.find(funds).orElseThrow().committed()).isEqualByComparingTo("7500");
        assertThatThrownBy(() -> db.jdbc.update("UPDATE resource_item SET committed = 10000.01 WHERE code = ?", funds))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.jdbc.update("UPDATE resource_item SET taken = 6 WHERE code = ?", places))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
