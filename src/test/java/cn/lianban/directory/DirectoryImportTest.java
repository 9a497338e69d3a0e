package cn.lianban.directory;

import static cn.lianban.support.DirectoryFiles.append;
import static cn.lianban.support.DirectoryFiles.person;
import static cn.lianban.support.DirectoryFiles.withTestStreet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.DirectoryFiles;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;
import cn.lianban.workbook.Workbooks;

/**
 * The directory import on the shared demo context: every file starts from the export of the demo directory (so
 * nobody of the demo is deactivated) and adds a small street of its own (codes T-…, logins imp-…), removed after
 * each test.
 */
@LianbanTest
class DirectoryImportTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @Autowired
    DirectoryImport imports;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Passwords passwords;

    @AfterEach
    void removeTheTestStreet() {
        DirectoryFiles.removeTestStreet(jdbc, identity, tasks);
    }

    @Test
    void aGoodFileIsReportedThenAppliedAndTheSameFileAgainChangesNothing() throws IOException {
        byte[] file = withTestStreet(export(), List.of(
                person("imp-sec", "导入书记", "13900000001", "社区书记", "社区", "T-C"),
                person("imp-grid", "导入网格员", "13900000002", "网格员", "网格", "T-G")));
        PageSession admin = new PageSession(rest, "admin");
        admin.get("/admin/directory");
        ResponseEntity<String> report = admin.upload("/admin/directory/import", "file", "目录.xlsx", file);
        assertThat(report.getBody()).contains("检查通过", "新建 7 项", "确认导入");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE login LIKE 'imp-%'", Integer.class))
                .as("nothing changes before 确认导入").isZero();

        String token = token(report.getBody());
        ResponseEntity<String> result = admin.post("/admin/directory/import/confirm", Map.of("token", List.of(token)));
        assertThat(result.getBody()).contains("导入完成：新建 7 项，更新 0 项，停用 0 人", "新账号的初始密码");
        String password = password(result.getBody(), "imp-sec");
        assertThat(identity.checkPassword("imp-sec", password)).isTrue();
        assertThat(identity.checkPassword("imp-sec", "demo")).isFalse();
        assertThat(passwords.mustChange("imp-sec")).as("an initial password is changed at the first login").isTrue();
        assertThat(groupsOf("imp-sec")).containsExactlyInAnyOrder("community-secretary", "community:T-C");
        assertThat(groupsOf("imp-grid")).containsExactlyInAnyOrder("grid-worker", "grid:T-G");
        assertThat(identity.createGroupQuery().groupId("street:T-S").singleResult().getName()).isEqualTo("测试街道");

        assertThat(admin.post("/admin/directory/import/confirm", Map.of("token", List.of(token))).getBody())
                .as("a confirmed file is not applied twice").contains("这份文件已导入或已过期，请重新上传");

        ResponseEntity<String> again = admin.upload("/admin/directory/import", "file", "目录.xlsx", file);
        assertThat(again.getBody()).contains("无变化").doesNotContain("确认导入</button>");
        // the export of the new directory reads back to the same directory
        assertThat(imports.plan(DirectoryWorkbook.read(new ByteArrayInputStream(export()))).unchanged()).isTrue();

        // moved to the community as its secretary: the old groups go, the new ones come
        byte[] moved = DirectoryFiles.edit(export(), book -> {
            for (Row row : book.getSheet("人员")) {
                if ("imp-grid".equals(Workbooks.text(row.getCell(0)))) {
                    row.getCell(4).setCellValue("社区书记");
                    row.getCell(5).setCellValue("社区");
                    row.getCell(6).setCellValue("T-C");
                }
            }
        });
        assertThat(imports.apply(DirectoryWorkbook.read(new ByteArrayInputStream(moved)), "admin").plan().updated())
                .isEqualTo(1);
        assertThat(groupsOf("imp-grid")).containsExactlyInAnyOrder("community-secretary", "community:T-C");
    }

    @Test
    void aFileWithErrorsChangesNothingAndReportsEveryRow() throws IOException {
        byte[] file = DirectoryFiles.edit(export(), book -> {
            append(book.getSheet("街道"), "S-DL", "重复的街道", 38.0, 106.0, null);
            append(book.getSheet("社区"), "T-C9", "孤儿社区", "T-NOAREA", 38.0, 106.0, null);
            append(book.getSheet("网格"), "T-G9", "孤儿网格", "T-NOCOMM", 38.0, 106.0);
            append(book.getSheet("人员"), "imp-a", "甲", "13900000009", "a@x.cn", "社区书记", "社区", "T-NOPE", null,
                    null, null);
            append(book.getSheet("人员"), "imp-b", "乙", "13900000009", "b@x.cn", "村长", null, null, null, null, null);
            append(book.getSheet("人员"), "imp-b", null, null, "c@x.cn", "网格员", null, null, null, null, null);
        });
        int people = count("person");
        int communities = count("community");
        PageSession admin = new PageSession(rest, "admin");
        admin.get("/admin/directory");
        String page = admin.upload("/admin/directory/import", "file", "错误.xlsx", file).getBody();
        assertThat(page).contains("未做任何修改", "编码「S-DL」与第", "所属片区「T-NOAREA」不存在",
                "所属社区「T-NOCOMM」不存在", "所属单位「T-NOPE」不存在", "手机「13900000009」与第",
                "角色「村长」不存在", "登录名「imp-b」与第", "缺少必填项「姓名」").doesNotContain("确认导入</button>");
        assertThat(page).containsPattern("人员</td>\\s*<td>第 \\d+ 行</td>");
        assertThat(count("person")).isEqualTo(people);
        assertThat(count("community")).isEqualTo(communities);
    }

    @Test
    void aPersonDroppedFromTheFileIsDeactivatedAndTheirOpenTasksListed() throws IOException {
        byte[] first = withTestStreet(export(), List.<Object[]>of(
                person("imp-leaver", "离岗人员", "13900000003", "社区书记", "社区", "T-C")));
        imports.apply(DirectoryWorkbook.read(new ByteArrayInputStream(first)), "admin");
        Task mine = task("导入测试：本人任务", t -> t.setAssignee("imp-leaver"));
        Task unit = task("导入测试：社区任务", t -> { });
        tasks.addCandidateGroup(unit.getId(), "community:T-C");

        byte[] second = DirectoryFiles.edit(export(), book -> {
            Sheet sheet = book.getSheet("人员");
            for (Row row : sheet) {
                if ("imp-leaver".equals(Workbooks.text(row.getCell(0)))) {
                    sheet.removeRow(row);
                    break;
                }
            }
        });
        PageSession admin = new PageSession(rest, "admin");
        admin.get("/admin/directory");
        String report = admin.upload("/admin/directory/import", "file", "目录.xlsx", second).getBody();
        assertThat(report).contains("停用 1 人", "离岗人员");
        String page = admin.post("/admin/directory/import/confirm", Map.of("token", List.of(token(report)))).getBody();
        assertThat(page).contains("导入完成：新建 0 项，更新 0 项，停用 1 人", "停用人员的待办（请改派）",
                "导入测试：本人任务", "本人办理", "导入测试：社区任务", "测试社区待领取（单位已无在岗人员）",
                "task=" + mine.getId(), "task=" + unit.getId());
        assertThat(jdbc.queryForObject("SELECT active FROM person WHERE login = 'imp-leaver'", Boolean.class)).isFalse();
        assertThat(groupsOf("imp-leaver")).isEmpty();
        assertThat(identity.createUserQuery().userId("imp-leaver").singleResult()).as("kept, not deleted").isNotNull();
        // the same file again: nothing more to do
        assertThat(imports.plan(DirectoryWorkbook.read(new ByteArrayInputStream(second))).unchanged()).isTrue();

        // listed again: active, back in their groups, with a new initial password
        DirectoryImport.Result back = imports.apply(DirectoryWorkbook.read(new ByteArrayInputStream(first)), "admin");
        assertThat(back.plan().changedPeople()).extracting(DirectoryImport.Member::login).containsExactly("imp-leaver");
        assertThat(identity.checkPassword("imp-leaver", back.passwords().get(0).password())).isTrue();
        assertThat(passwords.mustChange("imp-leaver")).isTrue();
        assertThat(groupsOf("imp-leaver")).containsExactlyInAnyOrder("community-secretary", "community:T-C");
    }

    @Test
    void onlyTheAdminMayImport() throws IOException {
        for (String user : new String[]{"secretary", "center", "street"}) {
            PageSession session = new PageSession(rest, user);
            assertThat(session.get("/admin/directory").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(session.get("/admin/directory/export.xlsx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(session.upload("/admin/directory/import", "file", "x.xlsx", export()).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        PageSession admin = new PageSession(rest, "admin");
        assertThat(admin.get("/admin/directory").getBody()).contains("下载空白模板", "导出当前目录", "上传并检查");
    }

    @Test
    void theTemplateHasOneSheetPerKindWithChineseHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectoryWorkbook.write(List.of(), List.of(), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetName(0)).isEqualTo("街道");
            assertThat(book.getSheet("人员").getRow(0).getCell(0).getStringCellValue()).isEqualTo("登录名");
            assertThat(book.getSheet("人员").getRow(0).getCell(0).getCellComment().getString().getString())
                    .contains("必填");
            assertThat(book.getNumberOfSheets()).isEqualTo(6);
        }
    }

    // ---- files --------------------------------------------------------------------------------------------------

    private byte[] export() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectoryWorkbook.write(imports.units(), imports.peopleRows(), out);
        return out.toByteArray();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Task task(String name, java.util.function.Consumer<Task> setUp) {
        Task task = tasks.newTask();
        task.setName(name);
        setUp.accept(task);
        tasks.saveTask(task);
        return task;
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a 确认导入 form").isTrue();
        return m.group(1);
    }

    private static String password(String page, String login) {
        Matcher m = Pattern.compile(Pattern.quote(login) + "</td>\\s*<td><code class=\"password\">([^<]+)</code>")
                .matcher(page);
        assertThat(m.find()).as("the initial password of " + login).isTrue();
        return m.group(1);
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    }
}
