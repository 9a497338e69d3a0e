package cn.lianban.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.lianban.common.EngineClock;
import cn.lianban.common.Forbidden;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;

/**
 * 挂账台账: the cases put on the register, for the units that put them there and watch them — an area committee its
 * area's, a street office its street's, the city center all — as a page ({@code /issues/shelf}) and an Excel file
 * ({@code /issues/shelf.xlsx}). Everyone else is refused with 403.
 */
@Controller
class ShelfRegisterPage implements PageAccess {

    static final String PAGE = "/issues/shelf";
    static final String TITLE = "挂账台账";
    static final List<String> HEADERS = List.of("编号", "标题", "社区", "挂账层级", "挂账原因", "挂账理由", "挂账时间",
            "下次复核", "复核次数", "最近复核意见", "状态", "出账时间");

    private final IssueShelf shelf;
    private final UserUnits units;

    ShelfRegisterPage(IssueShelf shelf, UserUnits units) {
        this.shelf = shelf;
        this.units = units;
    }

    @Override
    public String page() {
        return PAGE;
    }

    @Override
    public boolean mayUse(Authentication user) {
        Set<String> communities = scope(user);
        return communities == null || !communities.isEmpty();
    }

    @GetMapping(PAGE)
    String page(Authentication user, Model model) {
        model.addAttribute("lines", lines(user));
        model.addAttribute("now", cn.lianban.common.LocalTimes.minutes(EngineClock.now().toInstant()));
        return "issues/shelf";
    }

    @GetMapping(PAGE + ".xlsx")
    void xlsx(Authentication user, HttpServletResponse response) throws IOException {
        List<IssueShelf.Line> lines = lines(user);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(TITLE + ".xlsx", StandardCharsets.UTF_8).build().toString());
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        try {
            Sheet sheet = book.createSheet(TITLE);
            row(sheet.createRow(0), HEADERS);
            int r = 1;
            for (IssueShelf.Line l : lines) {
                // every cell as text: a text cell is never run as a formula when the file is opened
                row(sheet.createRow(r++), List.of(l.businessKey(), text(l.title()), text(l.communityName()),
                        l.levelLabel(), l.reasonLabel(), l.reason(), l.shelvedLabel(), l.reviewLabel(),
                        String.valueOf(l.reviews()), text(l.lastReviewNote()), l.stateLabel(), l.leftLabel()));
            }
            book.write(response.getOutputStream());
        } finally {
            book.close();
        }
    }

    private List<IssueShelf.Line> lines(Authentication user) {
        Set<String> communities = scope(user);
        if (communities != null && communities.isEmpty()) {
            throw new Forbidden("挂账台账仅对片区联合党委、街道办事处和市中心开放");
        }
        return shelf.register(communities);
    }

    /** The communities whose register the user sees: null for the whole city, empty for none. */
    private Set<String> scope(Authentication user) {
        return units.communities(user, Roles.AREA_COMMITTEE, Roles.STREET_OFFICE);
    }

    private static void row(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
