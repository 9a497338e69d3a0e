package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.LianbanTest;

/**
 * Funds used and projects completed per community against a hand-made June 2031 (no other test uses it);
 * the expected values are worked out by hand in the comments.
 */
@LianbanTest
class ResourceTotalsTest {

    private static final YearMonth JUNE = YearMonth.of(2031, 6);

    @Autowired
    ResourceTotals totals;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void handMadeMonth() {
        jdbc.update("DELETE FROM resource_claim WHERE business_key LIKE 'RC-2031-9%'");
        jdbc.update("DELETE FROM community_order WHERE business_key LIKE 'RO-2031-9%'");
        jdbc.update("DELETE FROM resource_item WHERE code = 'RS-2031-06-901'");
        jdbc.update("INSERT INTO resource_item(code, list_month, category, name, dept_code, capacity, budget, committed, "
                + "taken, valid_from, valid_to, published) VALUES ('RS-2031-06-901', '2031-06', 'FUNDS', '合计测试', "
                + "'finance', 100, 100000, 41000, 3, DATE '2031-06-01', DATE '2031-06-30', TRUE)");
        // A, B, C: delivered in June by community A → 3 claims, 20000 + 5000 + 0 yuan
        claim("RC-2031-900001", "C-DL-01", 20_000, null, "DELIVERED", at(2031, 6, 5, 10, 0));
        claim("RC-2031-900002", "C-DL-01", 5_000, null, "CONFIRMED", at(2031, 6, 20, 16, 0));
        claim("RC-2031-900003", "C-DL-01", null, 3, "CONFIRMED", at(2031, 6, 21, 9, 0));
        // D: approved, not yet delivered; E: delivered half an hour into July (Asia/Shanghai); F: rejected
        claim("RC-2031-900004", "C-DL-01", 7_000, null, "APPROVED", null);
        claim("RC-2031-900005", "C-DL-01", 9_000, null, "DELIVERED", at(2031, 7, 1, 0, 30));
        claim("RC-2031-900006", "C-XJ-01", 3_000, null, "REJECTED", null);
        // G: completed in June by community A, 1500 spent; H: confirmed, completed late on 30 June by community B, 800
        order("RO-2031-900001", "C-DL-01", 1_500, "COMPLETED", at(2031, 6, 10, 14, 0));
        order("RO-2031-900002", "C-XJ-01", 800, "CONFIRMED", at(2031, 6, 30, 23, 30));
        // I: accepted, not completed; J: completed a minute before June
        order("RO-2031-900003", "C-XJ-01", null, "ACCEPTED", null);
        order("RO-2031-900004", "C-XJ-01", 600, "COMPLETED", at(2031, 5, 31, 23, 59));
    }

    @Test
    void perCommunityByHand() {
        List<ResourceTotals.Total> june = totals.totals(JUNE);
        assertThat(june).extracting(ResourceTotals.Total::communityCode).containsExactly("C-DL-01", "C-XJ-01");
        ResourceTotals.Total a = june.get(0);
        // community A: claims A, B, C = 3; order G = 1; 20000 + 5000 + 0 + 1500 = 26500
        assertThat(a.claimsDelivered()).isEqualTo(3);
        assertThat(a.ordersCompleted()).isEqualTo(1);
        assertThat(a.projectsCompleted()).isEqualTo(4);
        assertThat(a.fundsUsed()).isEqualTo(new BigDecimal("26500.00"));
        assertThat(a.communityName()).endsWith("社区");
        // community B: order H only = 1 project, 800 yuan
        ResourceTotals.Total b = june.get(1);
        assertThat(b.claimsDelivered()).isZero();
        assertThat(b.projectsCompleted()).isEqualTo(1);
        assertThat(b.fundsUsed()).isEqualTo(new BigDecimal("800.00"));
        // July has E; May has J
        assertThat(totals.totals(YearMonth.of(2031, 7))).filteredOn(t -> t.communityCode().equals("C-DL-01"))
                .extracting(ResourceTotals.Total::fundsUsed).containsExactly(new BigDecimal("9000.00"));
        assertThat(totals.totals(YearMonth.of(2031, 5))).extracting(ResourceTotals.Total::fundsUsed)
                .containsExactly(new BigDecimal("600.00"));
    }

    @Test
    void theCityCenterSeesAllACommunityItsOwnOthersNothing() {
        String path = "/api/resources/totals?month=2031-06";
        var all = rest.withBasicAuth("center", "demo").getForEntity(path, String.class);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).contains("\"communityCode\":\"C-DL-01\"").contains("\"communityCode\":\"C-XJ-01\"")
                .contains("\"projectsCompleted\":4").contains("\"fundsUsed\":26500.00");
        var own = rest.withBasicAuth("secretary2", "demo").getForEntity(path, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains("C-XJ-01").doesNotContain("C-DL-01");
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var bad = rest.withBasicAuth("center", "demo").getForEntity("/api/resources/totals?month=2031-13", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("\"error\":\"bad_month\"");
    }

    @Test
    void thePageShowsTheTotals() {
        var page = rest.withBasicAuth("secretary", "demo").getForEntity("/resources?month=2031-06", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("社区资源使用情况").contains("26,500.00").doesNotContain("800.00");
        assertThat(rest.withBasicAuth("housing", "demo").getForEntity("/resources?month=2031-06", String.class)
                .getBody()).doesNotContain("社区资源使用情况").contains("合计测试");
    }

    private void claim(String key, String community, Integer amount, Integer places, String status, Timestamp delivered) {
        jdbc.update("INSERT INTO resource_claim(business_key, item_code, community_code, need, amount, places, status, "
                        + "created_at, delivered_at) VALUES (?, 'RS-2031-06-901', ?, '测试', ?, ?, ?, ?, ?)",
                key, community, amount, places, status, at(2031, 6, 1, 9, 0), delivered);
    }

    private void order(String key, String community, Integer spent, String status, Timestamp completed) {
        jdbc.update("INSERT INTO community_order(business_key, community_code, category, need, status, amount_spent, "
                + "created_at, completed_at) VALUES (?, ?, 'SERVICE', '测试', ?, ?, ?, ?)", key, community, status, spent,
                at(2031, 5, 1, 9, 0), completed);
    }

    private static Timestamp at(int y, int m, int d, int h, int min) {
        return Timestamp.from(LocalDateTime.of(y, m, d, h, min).atZone(EngineClock.ZONE).toInstant());
    }
}
