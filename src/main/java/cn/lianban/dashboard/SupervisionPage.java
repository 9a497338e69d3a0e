package cn.lianban.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.lianban.common.EngineClock;
import cn.lianban.common.Forbidden;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The 督办 ladder's monthly 通报 list ({@link SupervisionList}): {@code GET /dashboard/supervision} and its exports
 * {@code /dashboard/supervision.csv|.xlsx}. The city center (and administrators) see the whole city, a street office
 * the items of its own street's communities; everyone else is refused with 403.
 */
@Controller
class SupervisionPage implements PageAccess {

    private final SupervisionList list;
    private final UserUnits units;
    private final DashboardScope scope;

    SupervisionPage(SupervisionList list, UserUnits units, DashboardScope scope) {
        this.list = list;
        this.units = units;
        this.scope = scope;
    }

    @GetMapping("/dashboard/supervision")
    String page(Authentication user, Model model) {
        model.addAttribute("items", list.items(communities(user)));
        model.addAttribute("title", title(user));
        model.addAttribute("listedFrom", SupervisionList.LISTED_FROM);
        return "dashboard/supervision";
    }

    @GetMapping("/dashboard/supervision.csv")
    void csv(Authentication user, HttpServletResponse response) {
        DashboardTable t = table(user);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        DashboardController.Page.attachment(response, t.title() + ".csv");
        DashboardController.Page.write(() -> DashboardExports.csv(t, response.getWriter()));
    }

    @GetMapping("/dashboard/supervision.xlsx")
    void xlsx(Authentication user, HttpServletResponse response) {
        DashboardTable t = table(user);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        DashboardController.Page.attachment(response, t.title() + ".xlsx");
        DashboardController.Page.write(() -> DashboardExports.xlsx(t, response.getOutputStream()));
    }

    @Override
    public String page() {
        return "/dashboard/supervision";
    }

    @Override
    public boolean mayUse(Authentication user) {
        Set<String> allowed = allowed(user);
        return allowed == null || !allowed.isEmpty();
    }

    /** The communities whose items the user sees; null for the whole city. */
    private Set<String> communities(Authentication user) {
        Set<String> allowed = allowed(user);
        if (allowed != null && allowed.isEmpty()) {
            throw new Forbidden("督办通报名单仅对市中心和街道开放");
        }
        return allowed;
    }

    private Set<String> allowed(Authentication user) {
        return units.communities(user, Roles.STREET_OFFICE);
    }

    /** E.g. 东莱街道 2026年5月督办通报名单. */
    private String title(Authentication user) {
        LocalDateTime now = EngineClock.now().toLocalDateTime();
        return scope.unitName(user, null, null, null) + " " + now.getYear() + "年" + now.getMonthValue() + "月督办通报名单";
    }

    private DashboardTable table(Authentication user) {
        List<SupervisionList.Item> items = list.items(communities(user));
        return new DashboardTable(title(user), List.of(DashboardTable.Column.text("类型"),
                DashboardTable.Column.text("编号"), DashboardTable.Column.text("事项"),
                DashboardTable.Column.text("街道"), DashboardTable.Column.text("社区"),
                DashboardTable.Column.text("责任单位"), DashboardTable.Column.text("办理期限"),
                DashboardTable.Column.text("逾期工作日"), DashboardTable.Column.text("状态")),
                sink -> items.forEach(i -> sink.accept(List.of(i.kind(), i.caseNo(), nonNull(i.title()),
                        nonNull(i.streetName()), nonNull(i.communityName()), nonNull(i.unit()), i.dueLabel(),
                        String.valueOf(i.overdueDays()), nonNull(i.statusLabel())))));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
