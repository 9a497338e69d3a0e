package cn.lianban.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link DashboardTable} straight to the response: CSV row by row (UTF-8 with a BOM so that Excel reads
 * the Chinese), XLSX through POI's streaming workbook, which keeps only a window of rows in memory.
 */
final class DashboardExports {

    private DashboardExports() {
    }

    static void csv(DashboardTable table, Writer out) throws IOException {
        out.write('\uFEFF');
        csvRow(table.headers(), out);
        for (List<Object> row : table.rows()) {
            csvRow(row, out);
        }
        csvRow(table.totals(), out);
        out.flush();
    }

    private static void csvRow(List<?> values, Writer out) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values.get(i);
            String text = v == null ? "" : v.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            out.write(text);
        }
        out.write("\r\n");
    }

    static void xlsx(DashboardTable table, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        try {
            Sheet sheet = book.createSheet(table.title());
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            int r = 0;
            xlsxRow(sheet.createRow(r++), table.headers(), bold, percent);
            for (List<Object> row : table.rows()) {
                xlsxRow(sheet.createRow(r++), row, null, percent);
            }
            xlsxRow(sheet.createRow(r), table.totals(), bold, percent);
            book.write(out);
            out.flush();
        } finally {
            book.close();
        }
    }

    private static void xlsxRow(Row row, List<?> values, CellStyle style, CellStyle percent) {
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            Object v = values.get(i);
            if (v instanceof Long n) {
                cell.setCellValue(n);
            } else if (v instanceof Double d) {
                cell.setCellValue(d);
                cell.setCellStyle(percent);
                continue;
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
