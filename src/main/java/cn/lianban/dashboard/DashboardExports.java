package cn.lianban.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link DashboardTable} straight to the response as its rows arrive: CSV row by row through Commons CSV
 * (UTF-8 with a BOM so that Excel reads the Chinese; text cells guarded by {@link CellGuard}), XLSX through POI's streaming workbook, which keeps only a window of rows in
 * memory and the rest in a temporary file.
 */
final class DashboardExports {

    private static final int WINDOW = 100;

    private DashboardExports() {
    }

    /** Quotes only where needed and ends rows with CRLF, as RFC 4180 and Excel expect. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    static void csv(DashboardTable table, Writer out) throws IOException {
        DashboardTable.Totals totals = table.new Totals();
        out.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, CSV);
        csvRow(table.headers(), printer);
        try {
            table.rows().each(row -> {
                totals.add(row);
                try {
                    csvRow(row, printer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csvRow(totals.row(), printer);
        // flush, not close: the response owns the writer
        printer.flush();
    }

    private static void csvRow(List<?> values, CSVPrinter printer) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object v : values) {
            cells.add(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString()
                    : v instanceof Number n ? n.toString() : CellGuard.text(v.toString()));
        }
        printer.printRecord(cells);
    }

    static void xlsx(DashboardTable table, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = book.createSheet(sheetName(table.title()));
            Styles styles = new Styles(book);
            DashboardTable.Totals totals = table.new Totals();
            xlsxRow(sheet.createRow(0), table.headers(), styles, true);
            int[] r = {1};
            table.rows().each(row -> {
                totals.add(row);
                xlsxRow(sheet.createRow(r[0]++), row, styles, false);
            });
            xlsxRow(sheet.createRow(r[0]), totals.row(), styles, true);
            book.write(out);
            out.flush();
        } finally {
            book.close();
        }
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private record Styles(CellStyle bold, CellStyle percent, CellStyle boldPercent, CellStyle money,
                          CellStyle boldMoney) {
        Styles(SXSSFWorkbook book) {
            this(style(book, true, null), style(book, false, "0.0%"), style(book, true, "0.0%"),
                    style(book, false, "#,##0.00"), style(book, true, "#,##0.00"));
        }

        private static CellStyle style(SXSSFWorkbook book, boolean bold, String format) {
            CellStyle style = book.createCellStyle();
            if (bold) {
                Font font = book.createFont();
                font.setBold(true);
                style.setFont(font);
            }
            if (format != null) {
                style.setDataFormat(book.createDataFormat().getFormat(format));
            }
            return style;
        }
    }

    private static void xlsxRow(Row row, List<?> values, Styles styles, boolean bold) {
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            Object v = values.get(i);
            CellStyle style = bold ? styles.bold() : null;
            if (v instanceof Long n) {
                cell.setCellValue(n);
            } else if (v instanceof Double d) {
                cell.setCellValue(d);
                style = bold ? styles.boldPercent() : styles.percent();
            } else if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                style = bold ? styles.boldMoney() : styles.money();
            } else if (v != null) {
                // a text cell is never a formula in XLSX, so names like "=1+1" stay as typed
                cell.setCellValue(v.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
