package cn.lianban.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.lianban.workbook.Workbooks;
import cn.lianban.workbook.Workbooks.Problem;

/**
 * The directory as offices keep it: one sheet per kind of unit (街道, 片区, 社区, 网格, 部门) and one for people (人员),
 * Chinese headers in the first row with a hint as each header's comment, data from the second row. Written for the
 * template (headers only) and the export (the current directory), read back for the import; what the export
 * writes reads back to the same values (coordinates as numbers, blanks as null).
 */
final class DirectoryWorkbook {

    /** A column of a unit sheet. */
    enum Col {
        CODE("编码", "必填，全表唯一，例如 S-DL"), NAME("名称", "必填"),
        PARENT("上级编码", "必填，须是本文件或系统中已有的上级单位编码"),
        AREA_TYPE("片区类型", "必填：UNIT 单位型、RESORT 候鸟型、OLD_TOWN 老城型、NEW_TOWN 新城型、MERGED 融合型、"
                + "INDUSTRY 园区型"),
        LAT("纬度", "必填，数字，例如 38.46"), LON("经度", "必填，数字，例如 106.27"), EMAIL("邮箱", "选填，单位邮箱");

        final String header;
        final String hint;

        Col(String header, String hint) {
            this.header = header;
            this.hint = hint;
        }
    }

    static final Map<UnitType, String> SHEETS = new EnumMap<>(Map.of(UnitType.STREET, "街道", UnitType.AREA, "片区",
            UnitType.COMMUNITY, "社区", UnitType.GRID, "网格", UnitType.DEPT, "部门"));
    static final String PEOPLE = "人员";
    static final List<UnitType> ORDER = List.of(UnitType.STREET, UnitType.AREA, UnitType.COMMUNITY, UnitType.GRID,
            UnitType.DEPT);

    static List<Col> columns(UnitType type) {
        return switch (type) {
            case STREET -> List.of(Col.CODE, Col.NAME, Col.LAT, Col.LON, Col.EMAIL);
            case AREA -> List.of(Col.CODE, Col.NAME, Col.PARENT, Col.AREA_TYPE, Col.LAT, Col.LON, Col.EMAIL);
            case COMMUNITY -> List.of(Col.CODE, Col.NAME, Col.PARENT, Col.LAT, Col.LON, Col.EMAIL);
            case GRID -> List.of(Col.CODE, Col.NAME, Col.PARENT, Col.LAT, Col.LON);
            case DEPT -> List.of(Col.CODE, Col.NAME, Col.EMAIL);
        };
    }

    /** The header of a column on a sheet: the parent column names the parent's kind. */
    static String header(UnitType type, Col col) {
        if (col != Col.PARENT) {
            return col.header;
        }
        return switch (type) {
            case AREA -> "所属街道编码";
            case COMMUNITY -> "所属片区编码";
            default -> "所属社区编码";
        };
    }

    static final List<String> PEOPLE_HEADERS = List.of("登录名", "姓名", "手机", "邮箱", "角色", "单位类型", "所属单位编码",
            "分管负责人", "代表所属片区编码", "在岗");
    private static final List<String> PEOPLE_HINTS = List.of("必填，全表唯一，用于登录", "必填", "选填，11 位手机号，全表唯一",
            "必填", "必填，例如 社区书记、网格员、职能部门、街道办事处、片区联合党委委员、市城市党建服务中心、两代表一委员、管理员",
            "街道、片区、社区、网格或部门；市中心与管理员留空", "与单位类型一起填写，须是已有单位编码", "是 或 留空",
            "两代表一委员所属片区编码，其他人留空", "是 或 否；留空为是。不再出现在文件中的人员会被停用");

    /** A unit row as read; {@code row} is the row number Excel shows. */
    record UnitRow(UnitType type, int row, String code, String name, String parent, String areaType, Double lat,
                   Double lon, String email) {
    }

    /** A person row as read; role is the contract's role code when it was recognised, else as typed. */
    record PersonRow(int row, String login, String name, String phone, String email, String role, String unitType,
                     String unitCode, String lead, String areaCode, String active) {
    }

    /** Everything read from a file, with the problems reading found (bad numbers, missing sheets). */
    record Content(List<UnitRow> units, List<PersonRow> people, List<Problem> problems) {
    }

    private DirectoryWorkbook() {
    }

    static void write(List<UnitRow> units, List<PersonRow> people, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            for (UnitType type : ORDER) {
                List<Col> cols = columns(type);
                Sheet sheet = Workbooks.create(book, SHEETS.get(type), cols.stream().map(c -> header(type, c)).toList(),
                        cols.stream().map(c -> c.hint).toList());
                int r = 1;
                for (UnitRow u : units) {
                    if (u.type() != type) {
                        continue;
                    }
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < cols.size(); i++) {
                        Object value = switch (cols.get(i)) {
                            case CODE -> u.code();
                            case NAME -> u.name();
                            case PARENT -> u.parent();
                            case AREA_TYPE -> u.areaType();
                            case LAT -> u.lat();
                            case LON -> u.lon();
                            case EMAIL -> u.email();
                        };
                        Workbooks.set(row, i, value);
                    }
                }
            }
            Sheet sheet = Workbooks.create(book, PEOPLE, PEOPLE_HEADERS, PEOPLE_HINTS);
            for (PersonRow p : people) {
                Workbooks.append(sheet, Arrays.asList(p.login(), p.name(), p.phone(), p.email(), p.role(), p.unitType(),
                        p.unitCode(), p.lead(), p.areaCode(), p.active()));
            }
            book.write(out);
        }
    }

    /** Reads a workbook; a file that is no workbook at all throws IOException. */
    static Content read(InputStream in) throws IOException {
        List<UnitRow> units = new ArrayList<>();
        List<PersonRow> people = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(in)) {
            for (UnitType type : ORDER) {
                String name = SHEETS.get(type);
                List<Col> cols = columns(type);
                Sheet sheet = Workbooks.sheet(book, name, cols.stream().map(c -> header(type, c)).toList(), problems);
                if (sheet == null) {
                    continue;
                }
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (Workbooks.blank(row, cols.size())) {
                        continue;
                    }
                    String[] text = new String[Col.values().length];
                    Double[] numbers = new Double[2];
                    for (int i = 0; i < cols.size(); i++) {
                        Col col = cols.get(i);
                        Cell cell = row.getCell(i);
                        if (col == Col.LAT || col == Col.LON) {
                            try {
                                numbers[col == Col.LAT ? 0 : 1] = Workbooks.number(cell);
                            } catch (NumberFormatException e) {
                                problems.add(new Problem(name, r + 1, "「" + col.header + "」不是数字：" + Workbooks.text(cell)));
                            }
                        } else {
                            text[col.ordinal()] = Workbooks.text(cell);
                        }
                    }
                    units.add(new UnitRow(type, r + 1, text[Col.CODE.ordinal()], text[Col.NAME.ordinal()],
                            text[Col.PARENT.ordinal()], text[Col.AREA_TYPE.ordinal()], numbers[0], numbers[1],
                            text[Col.EMAIL.ordinal()]));
                }
            }
            for (Workbooks.Line l : Workbooks.lines(Workbooks.sheet(book, PEOPLE, PEOPLE_HEADERS, problems),
                    PEOPLE_HEADERS.size())) {
                people.add(new PersonRow(l.row(), l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6),
                        l.get(7), l.get(8), l.get(9)));
            }
        } catch (RuntimeException e) {
            // POI reports a broken or foreign file with unchecked exceptions of several kinds
            throw new IOException(e);
        }
        return new Content(units, people, problems);
    }
}
