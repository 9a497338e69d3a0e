package cn.lianban.workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Sheets for import files: the first row holds bold Chinese headers, each with a hint as its comment; data starts in
 * the second row. A file is read back only when each sheet has the expected headers in order; anything else is a
 * {@link Problem} the person can act on.
 */
public final class Workbooks {

    private static final DataFormatter FORMATTER = new DataFormatter();

    /** A problem of one row (the row number Excel shows); row 0 is about the sheet as a whole. */
    public record Problem(String sheet, int row, String message) {
    }

    /** A non-blank data row: its number as Excel shows it and its cells as trimmed text (null when empty). */
    public record Line(int row, List<String> cells) {

        public String get(int column) {
            return cells.get(column);
        }
    }

    private Workbooks() {
    }

    /** A new sheet with the headers in bold, each with its hint, frozen above the data. */
    public static Sheet create(Workbook book, String name, List<String> headers, List<String> hints) {
        Sheet sheet = book.createSheet(name);
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(0);
        CreationHelper factory = book.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
            ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 3);
            anchor.setRow1(0);
            anchor.setRow2(4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(hints.get(i)));
            cell.setCellComment(comment);
            sheet.setColumnWidth(i, 18 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** Writes a data row after the last one; null values leave their cell empty. */
    public static Row append(Sheet sheet, List<?> values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.size(); i++) {
            set(row, i, values.get(i));
        }
        return row;
    }

    /** A number as a number cell, anything else as text: a code or phone typed as text must not turn into a number. */
    public static void set(Row row, int col, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        if (value instanceof Double d) {
            cell.setCellValue(d);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** The sheet, if present with the expected headers in order; else a problem and null. */
    public static Sheet sheet(Workbook book, String name, List<String> headers, List<Problem> problems) {
        Sheet sheet = book.getSheet(name);
        if (sheet == null) {
            problems.add(new Problem(name, 0, "缺少工作表「" + name + "」，请使用下载的模板"));
            return null;
        }
        Row row = sheet.getRow(0);
        for (int i = 0; i < headers.size(); i++) {
            String found = row == null ? null : text(row.getCell(i));
            if (!headers.get(i).equals(found)) {
                problems.add(new Problem(name, 1, "第 " + (i + 1) + " 列表头应为「" + headers.get(i) + "」，请使用下载的模板"));
                return null;
            }
        }
        return sheet;
    }

    /** The non-blank rows of a sheet as text, {@code width} cells each; none when the sheet is null. */
    public static List<Line> lines(Sheet sheet, int width) {
        List<Line> lines = new ArrayList<>();
        if (sheet == null) {
            return lines;
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, width)) {
                continue;
            }
            List<String> cells = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                cells.add(text(row.getCell(i)));
            }
            lines.add(new Line(r + 1, cells));
        }
        return lines;
    }

    /** Whether the first {@code width} cells of a row are all empty. */
    public static boolean blank(Row row, int width) {
        if (row == null) {
            return true;
        }
        for (int i = 0; i < width; i++) {
            if (text(row.getCell(i)) != null) {
                return false;
            }
        }
        return true;
    }

    /** A cell as trimmed text, null when empty; numbers without a trailing ".0" (a phone typed as a number). */
    public static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String s = switch (type) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BLANK, ERROR, _NONE -> null;
            default -> FORMATTER.formatCellValue(cell);
        };
        if (s == null) {
            return null;
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    /** A cell as a number, null when empty. @throws NumberFormatException when it holds text that is no number */
    public static Double number(Cell cell) {
        if (cell != null && (cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
            return cell.getNumericCellValue();
        }
        String s = text(cell);
        return s == null ? null : Double.valueOf(s);
    }
}
