package cn.lianban.dashboard;

import static cn.lianban.dashboard.DashboardTable.Column.amount;
import static cn.lianban.dashboard.DashboardTable.Column.count;
import static cn.lianban.dashboard.DashboardTable.Column.rate;
import static cn.lianban.dashboard.DashboardTable.Column.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The writers on their own: totals, rates of sums, CSV quoting and Excel cell types. */
class DashboardExportsTest {

    /** Two departments: 9 of 10 and 1 of 2 accepted on time (one returned each); 2 yuan-amounts. */
    private static final DashboardTable TABLE = new DashboardTable("测试: 三率/资金", List.of(text("名称"),
            count("派单"), count("退单"), count("按时接单"), rate("按时接单率", 3, 1, 2), amount("资金")),
            sink -> {
                sink.accept(Arrays.asList("住建局, 二科", 11L, 1L, 9L, 0.9, new BigDecimal("1000.50")));
                sink.accept(Arrays.asList("城管\"执法\"局", 3L, 1L, 1L, 0.5, new BigDecimal("99.50")));
                sink.accept(Arrays.asList("空", 0L, 0L, 0L, null, BigDecimal.ZERO));
            });

    @Test
    void csvQuotesAndTotalsWithTheRateOfTheSums() throws Exception {
        StringWriter out = new StringWriter();
        DashboardExports.csv(TABLE, out);
        assertThat(out.toString()).isEqualTo("\uFEFF名称,派单,退单,按时接单,按时接单率,资金\r\n"
                + "\"住建局, 二科\",11,1,9,0.9,1000.50\r\n"
                + "\"城管\"\"执法\"\"局\",3,1,1,0.5,99.50\r\n"
                + "空,0,0,0,,0\r\n"
                // 10 of 12 on time, not the average 0.7 of the two rates
                + "合计,14,2,10," + (10.0 / 12) + ",1100.00\r\n");
    }

    @Test
    void xlsxHasNumbersPercentagesAndTheSameTotals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DashboardExports.xlsx(TABLE, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("测试  三率 资金");
            Row totals = sheet.getRow(4);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(totals.getCell(1).getNumericCellValue()).isEqualTo(14);
            assertThat(totals.getCell(4).getNumericCellValue()).isEqualTo(10.0 / 12);
            assertThat(totals.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(totals.getCell(5).getNumericCellValue()).isEqualTo(1100.0);
            assertThat(sheet.getRow(3).getCell(4).getCellType()).as("no rate without a denominator")
                    .isEqualTo(CellType.BLANK);
        }
    }

    /** A title someone typed as a formula: CSV makes it inert text, XLSX keeps it a string cell. */
    private static final DashboardTable FORMULAS = new DashboardTable("公式", List.of(text("案件"), count("差额")),
            sink -> {
                sink.accept(Arrays.asList("=HYPERLINK(\"http://evil.example\",\"点我\")", -3L));
                sink.accept(Arrays.asList("+1", 0L));
                sink.accept(Arrays.asList("-2+3", 0L));
                sink.accept(Arrays.asList("@SUM(A1)", 0L));
                sink.accept(Arrays.asList("路灯-损坏", 0L));
            });

    @Test
    void csvNeutralisesTextThatWouldRunAsAFormulaButKeepsNegativeNumbers() throws Exception {
        StringWriter out = new StringWriter();
        DashboardExports.csv(FORMULAS, out);
        assertThat(out.toString()).isEqualTo("\uFEFF案件,差额\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",-3\r\n"
                + "'+1,0\r\n"
                + "'-2+3,0\r\n"
                + "'@SUM(A1),0\r\n"
                + "路灯-损坏,0\r\n"
                + "合计,-3\r\n");
    }

    @Test
    void xlsxWritesFormulaLookingTextAsAStringCell() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DashboardExports.xlsx(FORMULAS, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"点我\")");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(-3);
        }
    }
}
