package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.pairing.CheckinService.Total;
import cn.lianban.support.MigratedDb;

/** 双报到 on a small hand-made pairing: three members of two agencies serving two communities. */
class CheckinServiceTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** 2026-03-15 10:00 in Beijing. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), BEIJING);
    static final String A = DemoDirectoryGenerator.COMMUNITY_A;
    static final String B = DemoDirectoryGenerator.COMMUNITY_B;

    MigratedDb db;
    CheckinService checkins;

    @BeforeEach
    void setUp() {
        db = MigratedDb.h2();
        String gridA = db.jdbc.queryForObject("SELECT MIN(code) FROM grid WHERE community_code = ?", String.class, A);
        String gridB = db.jdbc.queryForObject("SELECT MIN(code) FROM grid WHERE community_code = ?", String.class, B);
        new PairingRepository(db.jdbc).insert(new PairingSnapshot(
                List.of(new Agency("AG-01", "市甲局机关党委", Agency.AGENCY, "ag-01@agency.lianban.demo"),
                        new Agency("AG-02", "市乙集团有限公司党委", Agency.SOE, "ag-02@agency.lianban.demo")),
                // each member serves where placed and where their agency is paired: AG-01 with B, AG-02 with A
                List.of(new Pairing("AG-02", A), new Pairing("AG-01", B)),
                List.of(new AgencyMember(1, "张三", "AG-01", gridA, "13800000001"),
                        new AgencyMember(2, "李四", "AG-01", gridA, "13800000002"),
                        new AgencyMember(3, "王五", "AG-02", gridB, null)),
                List.of()));
        checkins = new CheckinService(JdbcClient.create(db.jdbc), NOW);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    void handMadeCheckins() {
        checkins.checkIn(1, A, LocalDate.of(2026, 2, 10), new BigDecimal("2.5"), "楼道杂物清理");
        checkins.checkIn(1, A, LocalDate.of(2026, 3, 1), new BigDecimal("3"), "独居老人探访");
        checkins.checkIn(2, A, LocalDate.of(2026, 3, 2), new BigDecimal("1.5"), "垃圾分类宣传");
        checkins.checkIn(3, B, LocalDate.of(2026, 3, 5), new BigDecimal("4.0"), "小区巡查");
        checkins.checkIn(3, A, LocalDate.of(2026, 3, 15), new BigDecimal("0.5"), "政策宣讲");
        checkins.checkIn(2, B, LocalDate.of(2026, 1, 20), new BigDecimal("2"), "义诊服务");
    }

    static Total total(String key, String name, long count, String hours) {
        return new Total(key, name, count, new BigDecimal(hours));
    }

    String communityName(String code) {
        return db.directory.community(code).orElseThrow().name();
    }

    @Test
    void storesACheckin() {
        long id = checkins.checkIn(1, A, LocalDate.of(2026, 3, 14), new BigDecimal("2.5"), "  帮助清理楼道杂物  ");
        long next = checkins.checkIn(1, B, LocalDate.of(2026, 3, 14), new BigDecimal("1"), "走访");
        assertThat(next).isGreaterThan(id);
        Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM checkin WHERE id = ?", id);
        assertThat(row).containsEntry("MEMBER_ID", 1L).containsEntry("COMMUNITY_CODE", A)
                .containsEntry("ACTIVITY", "帮助清理楼道杂物");
        assertThat(((java.sql.Date) row.get("SERVICE_DATE")).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat((BigDecimal) row.get("HOURS")).isEqualByComparingTo("2.5");
        assertThat(((java.sql.Timestamp) row.get("CREATED_AT")).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 3, 15, 10, 0));
    }

    @Test
    void totalsOfAllTime() {
        handMadeCheckins();
        assertThat(checkins.totalsByMember(null)).containsExactly(
                total("1", "张三", 2, "5.5"), total("3", "王五", 2, "4.5"), total("2", "李四", 2, "3.5"));
        assertThat(checkins.totalsByAgency(null)).containsExactly(
                total("AG-01", "市甲局机关党委", 4, "9.0"), total("AG-02", "市乙集团有限公司党委", 2, "4.5"));
        assertThat(checkins.totalsByCommunity(null)).containsExactly(
                total(A, communityName(A), 4, "7.5"), total(B, communityName(B), 2, "6.0"));
    }

    @Test
    void totalsOfAMonth() {
        handMadeCheckins();
        YearMonth march = YearMonth.of(2026, 3);
        assertThat(checkins.totalsByMember(march)).containsExactly(
                total("3", "王五", 2, "4.5"), total("1", "张三", 1, "3.0"), total("2", "李四", 1, "1.5"));
        // equal hours: by code
        assertThat(checkins.totalsByAgency(march)).containsExactly(
                total("AG-01", "市甲局机关党委", 2, "4.5"), total("AG-02", "市乙集团有限公司党委", 2, "4.5"));
        assertThat(checkins.totalsByCommunity(march)).containsExactly(
                total(A, communityName(A), 3, "5.0"), total(B, communityName(B), 1, "4.0"));
        assertThat(checkins.totalsByMember(YearMonth.of(2026, 2))).containsExactly(total("1", "张三", 1, "2.5"));
        assertThat(checkins.totalsByAgency(YearMonth.of(2026, 1)))
                .containsExactly(total("AG-01", "市甲局机关党委", 1, "2.0"));
        assertThat(checkins.totalsByCommunity(YearMonth.of(2026, 4))).isEmpty();
        assertThat(checkins.totalsByMember(YearMonth.of(2025, 3))).isEmpty();
    }

    @Test
    void noCheckinsNoTotals() {
        assertThat(checkins.totalsByMember(null)).isEmpty();
        assertThat(checkins.totalsByAgency(null)).isEmpty();
        assertThat(checkins.totalsByCommunity(null)).isEmpty();
    }

    @Test
    void rejectsInvalidInputNamingTheField() {
        LocalDate today = LocalDate.of(2026, 3, 15);
        BigDecimal one = BigDecimal.ONE;
        expectRejected(() -> checkins.checkIn(99, A, today, one, "走访"), "memberId");
        expectRejected(() -> checkins.checkIn(1, "C-NOPE", today, one, "走访"), "communityCode");
        expectRejected(() -> checkins.checkIn(1, null, today, one, "走访"), "communityCode");
        expectRejected(() -> checkins.checkIn(1, A, today, null, "走访"), "hours");
        expectRejected(() -> checkins.checkIn(1, A, today, BigDecimal.ZERO, "走访"), "hours");
        expectRejected(() -> checkins.checkIn(1, A, today, new BigDecimal("-1"), "走访"), "hours");
        expectRejected(() -> checkins.checkIn(1, A, today, new BigDecimal("24.1"), "走访"), "hours");
        expectRejected(() -> checkins.checkIn(1, A, today, new BigDecimal("1.25"), "走访"), "hours");
        expectRejected(() -> checkins.checkIn(1, A, null, one, "走访"), "date");
        expectRejected(() -> checkins.checkIn(1, A, today.plusDays(1), one, "走访"), "date");
        expectRejected(() -> checkins.checkIn(1, A, today, one, null), "activity");
        expectRejected(() -> checkins.checkIn(1, A, today, one, "   "), "activity");
        expectRejected(() -> checkins.checkIn(1, A, today, one, "字".repeat(201)), "activity");
        assertThat(rows()).isZero();

        checkins.checkIn(1, A, today, new BigDecimal("24"), "字".repeat(200));
        checkins.checkIn(2, A, today, new BigDecimal("0.1"), "走访");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aMemberServesOnlyWherePlacedOrPaired() {
        String elsewhere = db.jdbc.queryForObject("SELECT MIN(code) FROM community WHERE code NOT IN (?, ?)",
                String.class, A, B);
        LocalDate today = LocalDate.of(2026, 3, 15);
        expectRejected(() -> checkins.checkIn(1, elsewhere, today, BigDecimal.ONE, "走访"), "memberId");
        assertThat(rows()).isZero();
        checkins.checkIn(1, A, today, BigDecimal.ONE, "走访"); // placed in A
        checkins.checkIn(1, B, today, BigDecimal.ONE, "走访"); // AG-01 is paired with B
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aMemberServesAtMost24HoursADay() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        checkins.checkIn(1, A, day, new BigDecimal("20"), "防汛值守");
        expectRejected(() -> checkins.checkIn(1, B, day, new BigDecimal("4.5"), "防汛值守"), "hours");
        checkins.checkIn(1, B, day, new BigDecimal("4.0"), "防汛值守");
        checkins.checkIn(2, A, day, new BigDecimal("8"), "防汛值守");
        checkins.checkIn(1, A, day.plusDays(1), new BigDecimal("8"), "防汛值守");
        assertThat(rows()).isEqualTo(4);
    }

    @Test
    void todayIsTheClockBeansDayInBeijing() {
        // 17:30 UTC on 15 March is already 16 March in Beijing
        Clock late = Clock.fixed(Instant.parse("2026-03-15T17:30:00Z"), BEIJING);
        CheckinService service = new CheckinService(JdbcClient.create(db.jdbc), late);
        service.checkIn(1, A, LocalDate.of(2026, 3, 16), BigDecimal.ONE, "走访");
        expectRejected(() -> service.checkIn(1, A, LocalDate.of(2026, 3, 17), BigDecimal.ONE, "走访"), "date");

        // on the system clock in Beijing
        CheckinService system = new CheckinService(JdbcClient.create(db.jdbc), Clock.system(BEIJING));
        system.checkIn(2, A, LocalDate.now(BEIJING).minusDays(1), BigDecimal.ONE, "走访");
        expectRejected(() -> system.checkIn(2, A, LocalDate.now(BEIJING).plusDays(2), BigDecimal.ONE, "走访"), "date");
    }

    private long rows() {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM checkin", Long.class);
    }

    private static void expectRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field)
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("\\p{IsHan}"));
    }
}
