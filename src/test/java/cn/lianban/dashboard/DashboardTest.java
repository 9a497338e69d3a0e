package cn.lianban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.directory.Directory;
import cn.lianban.issue.IssueSummaryBackfill;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;
import cn.lianban.pairing.CheckinService;
import cn.lianban.venue.BookingRequest;
import cn.lianban.venue.BookingService;

/**
 * The dashboard against a month of cases and tickets filed by the process itself (September 2024, which no
 * other test uses): every figure equals a direct SQL query of issue_summary and case_event.
 */
@LianbanTest
class DashboardTest {

    private static final String MONTH = "2024-09";
    private static final Timestamp FROM = at(LocalDateTime.of(2024, 9, 1, 0, 0));
    private static final Timestamp TO = at(LocalDateTime.of(2024, 10, 1, 0, 0));
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 9, 27, 12, 0);
    private static boolean filed;

    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    CheckinService checkins;
    @Autowired
    HistoryService history;
    @Autowired
    BookingService bookings;
    @Autowired
    DashboardTables tables;
    @Autowired
    Directory directory;
    @Autowired
    IssueSummaryBackfill backfill;

    @BeforeEach
    void september() {
        if (!filed) {
            driver.clockAt(LocalDateTime.of(2024, 9, 2, 10, 0));
            driver.walkYellowCaseToClosure();                                   // community A, closed
            driver.complete(driver.file(), "rate", "color", "GREEN");          // community A, handling, due 5 Sep
            driver.clockAt(LocalDateTime.of(2024, 9, 20, 9, 0));
            driver.complete(driver.file("communityCode", "C-XJ-01"), "rate", "color", "GREEN"); // B, handling
            driver.file("communityCode", "C-XJ-01");                           // B, filed only
            ProcessInstance t = tickets.raise();
            driver.complete(t, "accept", "accepted", true);
            tickets.raise("communityCode", "C-XJ-01", "gridCode", jdbc.queryForObject(
                    "SELECT MIN(code) FROM grid WHERE community_code = 'C-XJ-01'", String.class));
            checkins.checkIn(jdbc.queryForObject("SELECT MIN(m.id) FROM agency_member m JOIN grid g"
                            + " ON g.code = m.grid_code WHERE g.community_code = 'C-XJ-01'", Long.class), "C-XJ-01",
                    LocalDate.of(2024, 9, 20), new BigDecimal("2.5"), "政策宣讲");
            // a member's own service still waiting for the secretary counts in no figure (issue 15)
            jdbc.update("INSERT INTO checkin (member_id, community_code, service_date, hours, activity, created_at,"
                    + " status) SELECT MIN(m.id), 'C-XJ-01', DATE '2024-09-21', 7, '待确认的服务',"
                    + " TIMESTAMP '2024-09-21 10:00:00', 'PENDING' FROM agency_member m JOIN grid g"
                    + " ON g.code = m.grid_code WHERE g.community_code = 'C-XJ-01'");
            // a community venue booked, a resource claim delivered and a community order completed in September
            bookings.book(new BookingRequest(jdbc.queryForObject("SELECT MIN(code) FROM venue WHERE community_code"
                    + " IS NOT NULL AND NOT needs_approval", String.class), LocalDateTime.of(2024, 9, 25, 9, 0),
                    LocalDateTime.of(2024, 9, 25, 11, 0), "王芳", "13800000001"));
            jdbc.update("INSERT INTO resource_item(code, list_month, category, name, dept_code, capacity, budget, "
                    + "committed, taken, valid_from, valid_to, published) VALUES ('RS-2024-09-901', '2024-09', 'FUNDS',"
                    + " '看板测试', 'finance', 10, 100000, 12000, 1, DATE '2024-09-01', DATE '2024-09-30', TRUE)");
            jdbc.update("INSERT INTO resource_claim(business_key, item_code, community_code, need, amount, status, "
                    + "created_at, delivered_at) VALUES ('RC-2024-900001', 'RS-2024-09-901', 'C-XJ-01', '看板测试', "
                    + "12000, 'DELIVERED', ?, ?)", at(LocalDateTime.of(2024, 9, 3, 9, 0)),
                    at(LocalDateTime.of(2024, 9, 18, 15, 0)));
            jdbc.update("INSERT INTO community_order(business_key, community_code, category, need, status, amount_spent,"
                    + " created_at, completed_at) VALUES ('RO-2024-900001', 'C-DL-01', 'SERVICE', '看板测试', 'COMPLETED',"
                    + " 1500, ?, ?)", at(LocalDateTime.of(2024, 9, 4, 9, 0)), at(LocalDateTime.of(2024, 9, 19, 9, 0)));
            filed = true;
        }
        driver.clockAt(NOW);
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theSummaryFollowsTheProcess() {
        Map<String, Object> closed = jdbc.queryForMap("SELECT * FROM issue_summary WHERE filed_at >= ? AND filed_at < ?"
                + " AND color = 'YELLOW'", FROM, TO);
        assertThat(closed).containsEntry("STATUS", "CLOSED").containsEntry("COMMUNITY_CODE", "C-DL-01")
                .containsEntry("LEVEL", 3);
        assertThat(closed.get("CLOSED_AT")).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ? AND status = 'RATING'"
                + " AND community_code = 'C-XJ-01' AND street_code IS NOT NULL AND area_code IS NOT NULL")).isEqualTo(1);
        // each row's status is the process's own status variable, as the contract names it
        jdbc.query("SELECT process_instance_id, status FROM issue_summary WHERE filed_at >= ? AND filed_at < ?", rs -> {
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(rs.getString(1))
                    .variableName("status").singleResult().getValue()).isEqualTo(rs.getString(2));
        }, FROM, TO);
        assertThat(counts(figures("center", ""), "byStatus")).containsOnlyKeys("RATING", "HANDLING", "CLOSED");
    }

    @Test
    void aMissingSummaryRowIsRebuiltFromTheProcessHistory() {
        String sql = "SELECT * FROM issue_summary WHERE filed_at >= ? AND filed_at < ? AND color = 'YELLOW'";
        Map<String, Object> before = jdbc.queryForMap(sql, FROM, TO);
        Map<String, Object> open = jdbc.queryForMap("SELECT * FROM issue_summary WHERE filed_at >= ? AND filed_at < ?"
                + " AND status = 'HANDLING' AND community_code = 'C-DL-01'", FROM, TO);
        jdbc.update("DELETE FROM issue_summary WHERE business_key IN (?, ?)", before.get("BUSINESS_KEY"),
                open.get("BUSINESS_KEY"));
        assertThat(backfill.backfill()).isEqualTo(2);
        assertThat(jdbc.queryForMap(sql, FROM, TO)).isEqualTo(before);
        assertThat(jdbc.queryForMap("SELECT * FROM issue_summary WHERE business_key = ?", open.get("BUSINESS_KEY")))
                .isEqualTo(open);
        assertThat(backfill.backfill()).isZero();
        // a row left with a coarse status by the first version (V13 marks it RESYNC) gets the process's state back
        jdbc.update("UPDATE issue_summary SET status = 'RESYNC', due_at = NULL WHERE business_key = ?",
                open.get("BUSINESS_KEY"));
        assertThat(backfill.backfill()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT * FROM issue_summary WHERE business_key = ?", open.get("BUSINESS_KEY")))
                .isEqualTo(open);
    }

    @Test
    void everyFigureIsTheSqlOfTheRecords() {
        Map<String, Object> f = figures("center", "");
        assertThat(counts(f, "byColor")).isEqualTo(grouped("COALESCE(color, '')"));
        assertThat(counts(f, "byLevel")).isEqualTo(grouped("CAST(COALESCE(level, 0) AS VARCHAR)"));
        assertThat(counts(f, "byStatus")).isEqualTo(grouped("status"));
        assertThat(counts(f, "byColor").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        Timestamp now = at(NOW);
        String age = "SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ? AND ";
        String end = "COALESCE(closed_at, CAST(? AS TIMESTAMP))";
        long upTo3 = count(age + end + " < DATEADD('DAY', 4, filed_at)", now);
        long upTo7 = count(age + end + " < DATEADD('DAY', 8, filed_at)", now) - upTo3;
        long upTo15 = count(age + end + " < DATEADD('DAY', 16, filed_at)", now) - upTo3 - upTo7;
        long all = count(age + "1 = 1");
        assertThat(counts(f, "byAge")).isEqualTo(Map.of("0", upTo3, "1", upTo7, "2", upTo15,
                "3", all - upTo3 - upTo7 - upTo15));
        assertThat(((Number) f.get("overdue")).longValue()).isEqualTo(count(age
                + "status <> 'CLOSED' AND due_at < ?", now)).isPositive();
        assertThat(((Number) f.get("escalations")).longValue()).isEqualTo(count(
                "SELECT COALESCE(SUM(escalations), 0) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?"));
        // 三率 citywide by department: dispatched tickets per department straight from case_event
        Map<String, List<Long>> events = new HashMap<>();
        jdbc.query("SELECT dept_code, SUM(CASE WHEN action = 'DISPATCHED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN action = 'RETURNED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN action = 'ACCEPTED' AND on_time THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN action = 'CLOSED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN action = 'CLOSED' AND score >= 4 THEN 1 ELSE 0 END) FROM case_event"
                + " WHERE business_key LIKE 'TK-%' AND dept_code IS NOT NULL AND occurred_at >= ? AND occurred_at < ?"
                + " GROUP BY dept_code", rs -> {
            events.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6)));
        }, FROM, TO);
        assertThat(events).isNotEmpty();
        Map<String, List<Long>> shown = new HashMap<>();
        list(f, "ticketRates").forEach(r -> shown.put((String) r.get("key"), List.of(number(r, "dispatched"),
                number(r, "returned"), number(r, "acceptedOnTime"), number(r, "rated"), number(r, "satisfied"))));
        assertThat(shown).isEqualTo(events);
        // 双报到, venue bookings and resource funds straight from their tables
        assertThat(((Number) f.get("members")).longValue()).isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT"
                + " member_id) FROM checkin WHERE status = 'CONFIRMED'"
                + " AND service_date >= '2024-09-01' AND service_date < '2024-10-01'",
                Long.class)).isPositive();
        assertThat(new BigDecimal(f.get("checkinHours").toString())).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT SUM(hours) FROM checkin WHERE status = 'CONFIRMED'"
                        + " AND service_date >= '2024-09-01' AND service_date < '2024-10-01'",
                BigDecimal.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> venues = (Map<String, Object>) f.get("venues");
        assertThat(((Number) venues.get("bookings")).longValue()).isPositive().isEqualTo(jdbc.queryForObject("SELECT COUNT(*)"
                + " FROM booking WHERE status = 'ACTIVE' AND start_at >= '2024-09-01' AND start_at < '2024-10-01'",
                Long.class));
        assertThat(new BigDecimal(f.get("fundsUsed").toString())).isEqualByComparingTo("13500").isEqualByComparingTo(jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM resource_claim WHERE status IN ('DELIVERED', 'CONFIRMED')"
                        + " AND delivered_at >= ? AND delivered_at < ?", BigDecimal.class, FROM, TO).add(
                jdbc.queryForObject("SELECT COALESCE(SUM(amount_spent), 0) FROM community_order WHERE status IN"
                        + " ('COMPLETED', 'CONFIRMED') AND completed_at >= ? AND completed_at < ?", BigDecimal.class,
                        FROM, TO)));
    }

    @Test
    void resourceTakeUpIsTheSqlOfTheClaimsOnTheMonthsList() {
        String claimed = "SELECT COUNT(*) FROM resource_claim c JOIN resource_item i ON i.code = c.item_code"
                + " WHERE i.list_month = '2024-09' AND i.category = 'FUNDS' AND c.status <> 'REJECTED'";
        Map<String, Object> city = list(figures("center", ""), "resourceTakeUp").stream()
                .filter(t -> "FUNDS".equals(t.get("category"))).findFirst().orElseThrow();
        assertThat(((Number) city.get("claims")).longValue()).isEqualTo(jdbc.queryForObject(claimed, Long.class))
                .isPositive();
        assertThat(new BigDecimal(city.get("amountClaimed").toString())).isEqualByComparingTo(jdbc.queryForObject(
                claimed.replace("COUNT(*)", "SUM(c.amount)"), BigDecimal.class));
        assertThat(new BigDecimal(city.get("budget").toString())).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT SUM(budget) FROM resource_item WHERE list_month = '2024-09' AND category = 'FUNDS'"
                        + " AND published", BigDecimal.class));
        // the offer is the city's; what community A claimed of it is nothing
        Map<String, Object> a = list(figures("secretary", ""), "resourceTakeUp").stream()
                .filter(t -> "FUNDS".equals(t.get("category"))).findFirst().orElseThrow();
        assertThat(a.get("items")).isEqualTo(city.get("items"));
        assertThat(((Number) a.get("claims")).longValue()).isEqualTo(jdbc.queryForObject(claimed
                + " AND c.community_code = 'C-DL-01'", Long.class)).isZero();
    }

    @Test
    void eachUserSeesOnlyTheirOwnUnits() {
        long ofB = count("SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?"
                + " AND community_code = 'C-XJ-01'");
        Map<String, Object> secretary2 = figures("secretary2", "");
        assertThat(counts(secretary2, "byStatus").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ofB);
        assertThat(list(secretary2, "ticketRates")).extracting(r -> r.get("key")).containsOnly("C-XJ-01");
        assertThat(get("secretary2", "&community=C-DL-01").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("housing", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> centerOnB = figures("center", "&community=C-XJ-01");
        assertThat(counts(centerOnB, "byStatus")).isEqualTo(counts(secretary2, "byStatus"));
        assertThat(counts(figures("center", ""), "byStatus").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(count("SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?"));
        // the street office sees its street, the area committee its area
        assertThat(total(figures("street", ""))).isEqualTo(count("SELECT COUNT(*) FROM issue_summary WHERE"
                + " filed_at >= ? AND filed_at < ? AND street_code = 'S-DL'"));
        String areaOfA = jdbc.queryForObject("SELECT area_code FROM community WHERE code = 'C-DL-01'", String.class);
        assertThat(total(figures("committee", ""))).isEqualTo(count("SELECT COUNT(*) FROM issue_summary WHERE"
                + " filed_at >= ? AND filed_at < ? AND area_code = ?", areaOfA)).isPositive();
        assertThat(get("committee", "&community=C-XJ-01").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void csvExportsReadBackAndAddUp() {
        ResponseEntity<byte[]> csv = rest.withBasicAuth("center", "demo")
                .getForEntity("/dashboard/export/status.csv?month=" + MONTH, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> lines = new String(csv.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo("状态,案件数");
        long sum = lines.subList(1, lines.size() - 1).stream().mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("合计," + sum);
        assertThat(sum).isEqualTo(count("SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?"));
    }

    @Test
    void xlsxExportsReadBackAndAddUp() throws Exception {
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("center", "demo")
                .getForEntity("/dashboard/export/rates.xlsx?month=" + MONTH, byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("派单");
            int last = sheet.getLastRowNum();
            assertThat(last).isGreaterThan(1);
            Row totals = sheet.getRow(last);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            for (int col : new int[]{1, 2, 3, 5, 6, 8, 9}) {
                double sum = 0;
                for (int r = 1; r < last; r++) {
                    sum += sheet.getRow(r).getCell(col).getNumericCellValue();
                }
                assertThat(totals.getCell(col).getNumericCellValue()).isEqualTo(sum);
            }
        }
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/dashboard/export/nothing.csv", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePageDrawsTheChartsFromTheWebjar() {
        ResponseEntity<String> page = rest.withBasicAuth("center", "demo").getForEntity("/dashboard?month=" + MONTH,
                String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("数据看板", "/webjars/echarts/5.1.2/echarts.min.js", "echarts.init");
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/webjars/echarts/5.1.2/echarts.min.js",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyTableExportsInBothFormatsWithTotalsThatAddUp() throws Exception {
        for (String name : DashboardTables.TITLES.keySet()) {
            List<DashboardTable.Column> columns = tables.table(name, YearMonth.of(2024, 9), null, "全市").columns();
            List<List<String>> csv = csv("center", name, "");
            assertThat(csv.get(0)).as(name).isEqualTo(columns.stream().map(DashboardTable.Column::header).toList());
            List<List<String>> xlsx = xlsx("center", name, "");
            assertThat(xlsx).as(name + " the same in Excel as in CSV").hasSameSizeAs(csv);
            List<List<String>> body = csv.subList(1, csv.size() - 1);
            List<String> totals = csv.get(csv.size() - 1);
            assertThat(totals.get(0)).isEqualTo("合计");
            assertThat(xlsx.get(xlsx.size() - 1).get(0)).isEqualTo("合计");
            for (int c = 0; c < columns.size(); c++) {
                DashboardTable.Column column = columns.get(c);
                if (column.kind() == DashboardTable.Kind.COUNT || column.kind() == DashboardTable.Kind.AMOUNT) {
                    BigDecimal sum = sum(body, c);
                    assertThat(new BigDecimal(totals.get(c))).as(name + " " + column.header())
                            .isEqualByComparingTo(sum);
                    assertThat(new BigDecimal(xlsx.get(xlsx.size() - 1).get(c))).as(name + " xlsx " + column.header())
                            .isEqualByComparingTo(sum);
                    assertThat(sum(xlsx.subList(1, xlsx.size() - 1), c)).isEqualByComparingTo(sum);
                } else if (column.kind() == DashboardTable.Kind.RATE) {
                    BigDecimal whole = sum(body, column.whole()).subtract(column.less() < 0 ? BigDecimal.ZERO
                            : sum(body, column.less()));
                    assertThat(totals.get(c)).as(name + " " + column.header() + " is the ratio of the sums")
                            .isEqualTo(whole.signum() == 0 ? "" : String.valueOf(
                                    sum(body, column.part()).doubleValue() / whole.doubleValue()));
                }
            }
        }
    }

    @Test
    void theCaseListIsEveryCaseOfTheMonth() {
        List<List<String>> rows = csv("center", "cases", "");
        assertThat(rows.subList(1, rows.size() - 1)).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT business_key FROM issue_summary WHERE filed_at >= ? AND filed_at < ?",
                        String.class, FROM, TO));
        assertThat(rows.get(rows.size() - 1).get(8)).as("overdue").isEqualTo(String.valueOf(count(
                "SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ? AND status <> 'CLOSED'"
                        + " AND due_at < ?", at(NOW))));
        assertThat(csv("secretary2", "cases", "")).hasSize(2 + (int) count("SELECT COUNT(*) FROM issue_summary"
                + " WHERE filed_at >= ? AND filed_at < ? AND community_code = 'C-XJ-01'"));
    }

    @Test
    void theMonthlyReportOfAStreetAreaOrCommunityIsTheSqlOfItsCommunities() {
        List<List<String>> city = csv("center", "report", "");
        assertThat(city).hasSize(2 + jdbc.queryForObject("SELECT COUNT(*) FROM community", Integer.class));
        List<String> header = city.get(0);
        List<String> total = city.get(city.size() - 1);
        assertThat(total.get(header.indexOf("提报案件"))).isEqualTo(String.valueOf(count(
                "SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?")));
        assertThat(total.get(header.indexOf("升级次数"))).isEqualTo(String.valueOf(count(
                "SELECT COALESCE(SUM(escalations), 0) FROM issue_summary WHERE filed_at >= ? AND filed_at < ?")));
        assertThat(total.get(header.indexOf("工单派单"))).isEqualTo(String.valueOf(count("SELECT COUNT(*) FROM"
                + " case_event WHERE occurred_at >= ? AND occurred_at < ? AND business_key LIKE 'TK-%'"
                + " AND action = 'DISPATCHED' AND community_code IS NOT NULL"))).isNotEqualTo("0");
        assertThat(total.get(header.indexOf("阵地预约"))).isEqualTo(String.valueOf(jdbc.queryForObject("SELECT"
                + " COUNT(*) FROM booking b JOIN venue v ON v.code = b.venue_code WHERE v.community_code IS NOT NULL"
                + " AND b.status = 'ACTIVE' AND b.start_at >= '2024-09-01' AND b.start_at < '2024-10-01'", Long.class)))
                .isNotEqualTo("0");
        assertThat(new BigDecimal(total.get(header.indexOf("使用资金（元）")))).isEqualByComparingTo("13500");
        assertThat(new BigDecimal(total.get(header.indexOf("服务小时")))).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT SUM(hours) FROM checkin WHERE status = 'CONFIRMED'"
                        + " AND service_date >= '2024-09-01' AND service_date < '2024-10-01'",
                BigDecimal.class));
        // a street's report: its communities, nothing else
        List<List<String>> street = csv("street", "report", "");
        assertThat(street).hasSize(2 + directory.communitiesOfStreet("S-DL").size());
        assertThat(street.subList(1, street.size() - 1)).extracting(r -> r.get(header.indexOf("街道")))
                .containsOnly(jdbc.queryForObject("SELECT name FROM street WHERE code = 'S-DL'", String.class));
        assertThat(street.get(street.size() - 1).get(header.indexOf("提报案件"))).isEqualTo(String.valueOf(count(
                "SELECT COUNT(*) FROM issue_summary WHERE filed_at >= ? AND filed_at < ? AND street_code = 'S-DL'")));
        String area = jdbc.queryForObject("SELECT area_code FROM community WHERE code = 'C-DL-01'", String.class);
        assertThat(csv("center", "report", "&area=" + area)).hasSize(2 + directory.communitiesOfArea(area).size());
        // a community's report is its one row, and the secretary may not read another unit's
        List<List<String>> b = csv("secretary2", "report", "");
        assertThat(b).hasSize(3);
        assertThat(b.get(1).get(header.indexOf("双报到人次"))).isEqualTo("1");
        assertThat(b.get(1).get(header.indexOf("使用资金（元）"))).isEqualTo("12000.00");
        assertThat(rest.withBasicAuth("secretary2", "demo").getForEntity("/dashboard/export/report.csv?month=" + MONTH
                + "&street=S-DL", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<byte[]> named = rest.withBasicAuth("street", "demo").getForEntity(
                "/dashboard/export/report.xlsx?month=" + MONTH, byte[].class);
        assertThat(named.getHeaders().getContentDisposition().getFilename()).isEqualTo(jdbc.queryForObject(
                "SELECT name FROM street WHERE code = 'S-DL'", String.class) + " 2024-09 月报.xlsx");
    }

    private List<List<String>> csv(String user, String table, String query) {
        ResponseEntity<byte[]> answer = rest.withBasicAuth(user, "demo").getForEntity("/dashboard/export/" + table
                + ".csv?month=" + MONTH + query, byte[].class);
        assertThat(answer.getStatusCode()).as(table).isEqualTo(HttpStatus.OK);
        // no value of these tables holds a comma or a quote, so splitting on commas reads them back
        return new String(answer.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "").lines()
                .map(l -> List.of(l.split(",", -1))).toList();
    }

    private List<List<String>> xlsx(String user, String table, String query) throws Exception {
        ResponseEntity<byte[]> answer = rest.withBasicAuth(user, "demo").getForEntity("/dashboard/export/" + table
                + ".xlsx?month=" + MONTH + query, byte[].class);
        assertThat(answer.getStatusCode()).as(table).isEqualTo(HttpStatus.OK);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            DataFormatter text = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString() : text.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static BigDecimal sum(List<List<String>> rows, int column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> !v.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aBadMonthIsExplainedNotAnError() {
        ResponseEntity<String> page = rest.withBasicAuth("center", "demo").getForEntity("/dashboard?month=2024-13",
                String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("数据看板", "month 须为 YYYY-MM 格式的月份");
        ResponseEntity<String> export = rest.withBasicAuth("center", "demo").getForEntity(
                "/dashboard/export/report.csv?month=九月", String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(export.getBody()).contains("YYYY-MM");
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/api/dashboard?month=2024/09", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static long number(Map<String, Object> row, String name) {
        return ((Number) row.get(name)).longValue();
    }

    private static long total(Map<String, Object> figures) {
        return counts(figures, "byStatus").values().stream().mapToLong(Long::longValue).sum();
    }

    private ResponseEntity<Map<String, Object>> get(String user, String query) {
        return rest.withBasicAuth(user, "demo").exchange("/api/dashboard?month=" + MONTH + query, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
    }

    private Map<String, Object> figures(String user, String query) {
        ResponseEntity<Map<String, Object>> answer = get(user, query);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> figures, String name) {
        return (List<Map<String, Object>>) figures.get(name);
    }

    private static Map<String, Long> counts(Map<String, Object> figures, String name) {
        Map<String, Long> counts = new HashMap<>();
        list(figures, name).forEach(c -> counts.put((String) c.get("key"), ((Number) c.get("count")).longValue()));
        return counts;
    }

    private Map<String, Long> grouped(String column) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT " + column + " k, COUNT(*) n FROM issue_summary WHERE filed_at >= ? AND filed_at < ? GROUP BY "
                + column, rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        }, FROM, TO);
        return counts;
    }

    private long count(String sql, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = FROM;
        args[1] = TO;
        System.arraycopy(more, 0, args, 2, more.length);
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Timestamp at(LocalDateTime shanghai) {
        return Timestamp.from(shanghai.atZone(EngineClock.ZONE).toInstant());
    }
}
