package cn.lianban.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Directory workbooks for import tests, built with POI on top of an export of the demo directory (so that nobody
 * of the demo is deactivated): a small street of the test's own (codes T-…, people imp-…), removed again by
 * {@link #removeTestStreet}.
 */
public final class DirectoryFiles {

    private DirectoryFiles() {
    }

    /** A 人员 row: login, name, phone, an e-mail made from the login, role, unit type and code, 在岗 是. */
    public static Object[] person(String login, String name, String phone, String role, String unitType,
                                  String unit) {
        return new Object[]{login, name, phone, login + "@test.cn", role, unitType, unit, null, null, "是"};
    }

    /** The file plus a street T-S with an area T-A, a community T-C, a grid T-G, a department T-D, and people. */
    public static byte[] withTestStreet(byte[] file, List<Object[]> people) {
        return edit(file, book -> {
            append(book.getSheet("街道"), "T-S", "测试街道", 38.5, 106.2, "ts@test.cn");
            append(book.getSheet("片区"), "T-A", "测试片区", "T-S", "OLD_TOWN", 38.5, 106.2, null);
            append(book.getSheet("社区"), "T-C", "测试社区", "T-A", 38.5, 106.2, null);
            append(book.getSheet("网格"), "T-G", "测试网格", "T-C", 38.5, 106.2);
            append(book.getSheet("部门"), "T-D", "测试局", "td@test.cn");
            people.forEach(p -> append(book.getSheet("人员"), p));
        });
    }

    /** The file changed by {@code change}. */
    public static byte[] edit(byte[] file, java.util.function.Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row after the last one; a Double becomes a number cell, anything else text, null an empty cell. */
    public static void append(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Double d) {
                row.createCell(i).setCellValue(d);
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }

    /** Removes what the test street's files created: people, units, their Camunda users and groups, test tasks. */
    public static void removeTestStreet(JdbcTemplate jdbc, IdentityService identity, TaskService tasks) {
        tasks.createTaskQuery().taskNameLike("导入测试%").list().forEach(t -> tasks.deleteTask(t.getId(), true));
        jdbc.queryForList("SELECT login FROM person WHERE login LIKE 'imp-%'", String.class)
                .forEach(identity::deleteUser);
        jdbc.update("DELETE FROM person WHERE login LIKE 'imp-%'");
        jdbc.update("DELETE FROM directory_change WHERE subject_code LIKE 'imp-%' OR subject_code LIKE 'T-%'");
        for (String table : new String[]{"grid", "community", "area", "street", "department"}) {
            jdbc.update("DELETE FROM " + table + " WHERE code LIKE 'T-%'");
        }
        identity.createGroupQuery().list().stream().filter(g -> g.getId().contains(":T-"))
                .forEach(g -> identity.deleteGroup(g.getId()));
    }
}
