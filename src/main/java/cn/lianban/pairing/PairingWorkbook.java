package cn.lianban.pairing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.lianban.workbook.Workbooks;
import cn.lianban.workbook.Workbooks.Line;
import cn.lianban.workbook.Workbooks.Problem;

/**
 * 双联双促 as offices keep it: the agencies (机关单位), which agency each community is paired with (结对), and the
 * agency party members placed in grids (下沉党员), one sheet each, Chinese headers with hints in the first row.
 */
final class PairingWorkbook {

    static final String AGENCIES = "机关单位";
    static final String PAIRS = "结对";
    static final String MEMBERS = "下沉党员";
    static final Map<String, String> KINDS = Map.of("机关", Agency.AGENCY, "国企", Agency.SOE);

    private static final List<String> AGENCY_HEADERS = List.of("编码", "名称", "类型", "邮箱");
    private static final List<String> AGENCY_HINTS = List.of("必填，全表唯一，例如 AG-01", "必填", "必填：机关 或 国企",
            "必填，单位的通知邮箱");
    private static final List<String> PAIR_HEADERS = List.of("社区编码", "机关编码");
    private static final List<String> PAIR_HINTS = List.of("必填，系统中已有的社区编码；每个社区只结对一个单位",
            "必填，本文件或系统中已有的机关单位编码");
    private static final List<String> MEMBER_HEADERS = List.of("手机", "姓名", "机关编码", "网格编码", "登录名");
    private static final List<String> MEMBER_HINTS = List.of("必填，11 位手机号，全表唯一，用来认出同一名党员", "必填",
            "必填，党员所在机关单位的编码", "必填，下沉的网格编码", "选填：填写即开通登录，初始密码导入后显示一次");

    record AgencyRow(int row, String code, String name, String kind, String email) {
    }

    record PairRow(int row, String communityCode, String agencyCode) {
    }

    record MemberRow(int row, String phone, String name, String agencyCode, String gridCode, String login) {
    }

    record Content(List<AgencyRow> agencies, List<PairRow> pairs, List<MemberRow> members, List<Problem> problems) {
    }

    private PairingWorkbook() {
    }

    static void write(Content content, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet agencies = Workbooks.create(book, AGENCIES, AGENCY_HEADERS, AGENCY_HINTS);
            content.agencies().forEach(a -> Workbooks.append(agencies, List.of(a.code(), a.name(), a.kind(), a.email())));
            Sheet pairs = Workbooks.create(book, PAIRS, PAIR_HEADERS, PAIR_HINTS);
            content.pairs().forEach(p -> Workbooks.append(pairs, List.of(p.communityCode(), p.agencyCode())));
            Sheet members = Workbooks.create(book, MEMBERS, MEMBER_HEADERS, MEMBER_HINTS);
            content.members().forEach(m -> Workbooks.append(members,
                    Arrays.asList(m.phone(), m.name(), m.agencyCode(), m.gridCode(), m.login())));
            book.write(out);
        }
    }

    /** Reads a workbook; a file that is no workbook at all throws IOException. */
    static Content read(InputStream in) throws IOException {
        List<Problem> problems = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(in)) {
            List<AgencyRow> agencies = lines(book, AGENCIES, AGENCY_HEADERS, problems).stream()
                    .map(l -> new AgencyRow(l.row(), l.get(0), l.get(1), l.get(2), l.get(3))).toList();
            List<PairRow> pairs = lines(book, PAIRS, PAIR_HEADERS, problems).stream()
                    .map(l -> new PairRow(l.row(), l.get(0), l.get(1))).toList();
            List<MemberRow> members = lines(book, MEMBERS, MEMBER_HEADERS, problems).stream()
                    .map(l -> new MemberRow(l.row(), l.get(0), l.get(1), l.get(2), l.get(3), l.get(4))).toList();
            return new Content(agencies, pairs, members, problems);
        } catch (RuntimeException e) {
            // POI reports a broken or foreign file with unchecked exceptions of several kinds
            throw new IOException(e);
        }
    }

    private static List<Line> lines(Workbook book, String name, List<String> headers, List<Problem> problems) {
        return Workbooks.lines(Workbooks.sheet(book, name, headers, problems), headers.size());
    }
}
