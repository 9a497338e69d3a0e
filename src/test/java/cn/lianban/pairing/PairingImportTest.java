package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.Passwords;
import cn.lianban.support.DirectoryFiles;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;
import cn.lianban.support.PairingFiles;
import cn.lianban.workbook.Workbooks.Problem;

/**
 * The 双联双促 import (issue 15) over the demo data: an export reads back unchanged; a file with each kind of error
 * changes nothing and names each row; a good file adds an agency, a pairing and a member with a login (initial
 * password, to be changed), and a second time changes nothing; a member who moves takes his groups along.
 * Test rows use the codes TA-… and phones 1390000009x, removed afterwards.
 */
@LianbanTest
class PairingImportTest {

    @Autowired
    PairingImport imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    Passwords passwords;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void removeTestRows() {
        PairingFiles.removeTestRows(jdbc, identity);
    }

    @Test
    void theExportReadsBackUnchanged() throws IOException {
        PairingWorkbook.Content export = read(write(imports.current()));
        assertThat(imports.check(export)).isEmpty();
        assertThat(imports.plan(export).unchanged()).isTrue();
        assertThat(export.members()).hasSizeGreaterThan(4000);
        assertThat(export.agencies()).extracting(PairingWorkbook.AgencyRow::kind).containsOnly("机关", "国企");
    }

    @Test
    void aFileWithErrorsChangesNothingAndNamesEveryRow() throws IOException {
        byte[] file = edit(book -> {
            DirectoryFiles.append(book.getSheet("机关单位"), "TA-1", "测试局机关党支部", "事业单位", "ta1@test.cn");
            DirectoryFiles.append(book.getSheet("机关单位"), "TA-1", null, "机关", "不是邮箱");
            DirectoryFiles.append(book.getSheet("结对"), "C-NOPE", "TA-2");
            DirectoryFiles.append(book.getSheet("下沉党员"), "1390000009", "短号党员", "TA-1", "G-NOPE", null);
            DirectoryFiles.append(book.getSheet("下沉党员"), "13900000091", "重名党员", "TA-1", grid(), "secretary");
            DirectoryFiles.append(book.getSheet("下沉党员"), "13900000091", "重复手机", "TA-1", grid(), "Bad Login");
        });
        List<Problem> problems = imports.check(read(file));
        assertThat(problems).extracting(Problem::message).contains(
                "类型「事业单位」应为 机关 或 国企", "缺少必填项「名称」", "邮箱「不是邮箱」格式不对",
                "社区「C-NOPE」不存在", "机关单位「TA-2」不存在（文件和系统中都没有这个编码）",
                "手机「1390000009」不是 11 位手机号", "网格「G-NOPE」不存在", "登录名「secretary」已被使用，请换一个");
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.startsWith("编码「TA-1」与第 "))
                .anyMatch(m -> m.startsWith("手机「13900000091」与第 ")).anyMatch(m -> m.startsWith("登录名「Bad Login」须为"));
        assertThat(problems).allMatch(p -> p.row() > 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agency WHERE code LIKE 'TA-%'", Integer.class)).isZero();
    }

    @Test
    void aGoodFileAddsThenChangesNothingAndAMoveTakesTheGroupsAlong() throws IOException {
        String community = jdbc.queryForObject("SELECT MIN(code) FROM community WHERE code NOT IN "
                + "(SELECT community_code FROM pairing)", String.class);
        byte[] file = edit(book -> {
            DirectoryFiles.append(book.getSheet("机关单位"), "TA-1", "测试局机关党支部", "机关", "ta1@test.cn");
            if (community != null) {
                DirectoryFiles.append(book.getSheet("结对"), community, "TA-1");
            }
            DirectoryFiles.append(book.getSheet("下沉党员"), "13900000091", "导入党员", "TA-1", grid(), "imp.member");
        });
        PairingImport.Plan plan = imports.plan(read(file));
        assertThat(imports.check(read(file))).isEmpty();
        assertThat(plan.newAgencies()).hasSize(1);
        assertThat(plan.newMembers()).hasSize(1);
        assertThat(plan.newLogins()).hasSize(1);

        PairingImport.Result result = imports.apply(read(file));
        assertThat(result.passwords()).singleElement().satisfies(p -> {
            assertThat(p.login()).isEqualTo("imp.member");
            assertThat(identity.checkPassword("imp.member", p.password())).isTrue();
        });
        assertThat(passwords.mustChange("imp.member")).isTrue();
        assertThat(groupsOf("imp.member")).containsExactlyInAnyOrder("agency-member", "agency:TA-1", "grid:" + grid());
        assertThat(identity.createGroupQuery().groupId("agency:TA-1").singleResult().getName()).isEqualTo("测试局机关党支部");
        assertThat(imports.plan(read(file)).unchanged()).as("the same file again").isTrue();
        assertThat(imports.plan(read(write(imports.current()))).unchanged()).isTrue();

        String otherGrid = jdbc.queryForObject("SELECT MAX(code) FROM grid", String.class);
        byte[] moved = edit(book -> {
            DirectoryFiles.append(book.getSheet("下沉党员"), "13900000091", "导入党员", "TA-1", otherGrid, "imp.member");
        });
        assertThat(imports.plan(read(moved)).changedMembers()).hasSize(1);
        imports.apply(read(moved));
        assertThat(groupsOf("imp.member")).containsExactlyInAnyOrder("agency-member", "agency:TA-1", "grid:" + otherGrid);
        assertThat(imports.check(read(edit(book -> DirectoryFiles.append(book.getSheet("下沉党员"), "13900000091",
                "导入党员", "TA-1", otherGrid, "imp.other"))))).extracting(Problem::message)
                .containsExactly("该党员已开通登录名「imp.member」，导入不能修改；请在下沉党员登录页停用后再开通");
    }

    @Test
    void onlyTheAdministratorOpensTheImport() {
        PageSession admin = new PageSession(rest, "admin");
        ResponseEntity<String> page = admin.get("/admin/pairing");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("双联双促导入导出", "下载空白模板", "上传并检查");
        assertThat(admin.upload("/admin/pairing/import", "file", "不是表格.xlsx", "不是表格".getBytes()).getBody())
                .contains("无法读取这个文件");
        for (String user : List.of("street", "center", "secretary")) {
            assertThat(new PageSession(rest, user).get("/admin/pairing").getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(admin.get("/admin/pairing/template.xlsx").getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private String grid() {
        return jdbc.queryForObject("SELECT MIN(code) FROM grid", String.class);
    }

    private List<String> groupsOf(String login) {
        return identity.createGroupQuery().groupMember(login).list().stream().map(Group::getId).toList();
    }

    /** The template plus the rows {@code change} appends. */
    private static byte[] edit(java.util.function.Consumer<org.apache.poi.xssf.usermodel.XSSFWorkbook> change)
            throws IOException {
        return DirectoryFiles.edit(write(new PairingWorkbook.Content(List.of(), List.of(), List.of(), List.of())),
                change);
    }

    private static byte[] write(PairingWorkbook.Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PairingWorkbook.write(content, out);
        return out.toByteArray();
    }

    private static PairingWorkbook.Content read(byte[] file) throws IOException {
        return PairingWorkbook.read(new ByteArrayInputStream(file));
    }
}
