package cn.lianban.resource;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Months;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/**
 * The monthly resource lists as a page ({@code /resources}): everyone logged in reads a month's list and the
 * totals they may see, the city center publishes new items, and communities learn how to claim one in
 * Tasklist. The totals also as JSON ({@code /api/resources/totals}).
 */
final class ResourcesController {

    private static final String COMMUNITY_GROUP = UnitType.COMMUNITY.group("");

    private ResourcesController() {
    }

    /**
     * The totals a user may see: the city center all communities, a community its own; null for anyone else.
     */
    static List<ResourceTotals.Total> visibleTotals(ResourceTotals totals, YearMonth month, Set<String> groups) {
        if (groups.contains(Roles.CITY_CENTER) || groups.contains(Roles.ADMIN)) {
            return totals.totals(month);
        }
        Set<String> communities = groups.stream().filter(g -> g.startsWith(COMMUNITY_GROUP))
                .map(g -> g.substring(COMMUNITY_GROUP.length())).collect(Collectors.toSet());
        if (communities.isEmpty()) {
            return null;
        }
        return totals.totals(month).stream().filter(t -> communities.contains(t.communityCode())).toList();
    }

    static Set<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** JSON: {@code GET /api/resources/totals?month=2026-11}. */
    @RestController
    static class Api {
        private final ResourceTotals totals;

        Api(ResourceTotals totals) {
            this.totals = totals;
        }

        @GetMapping("/api/resources/totals")
        List<ResourceTotals.Total> totals(@RequestParam(required = false) String month, Authentication user) {
            List<ResourceTotals.Total> rows = visibleTotals(totals, Months.parse(month), groups(user));
            if (rows == null) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "资源承接统计仅向市城市党建服务中心和社区开放");
            }
            return rows;
        }
    }

    /** Page: {@code GET /resources?month=2026-11}, {@code POST /resources}, {@code GET /resources/{code}/claim}. */
    @Controller
    static class Page {
        private final ResourceList list;
        private final ResourceTotals totals;
        private final Directory directory;
        private final ResourceSubmissions cycle;

        Page(ResourceList list, ResourceTotals totals, Directory directory, ResourceSubmissions cycle) {
            this.list = list;
            this.totals = totals;
            this.directory = directory;
            this.cycle = cycle;
        }

        @GetMapping("/resources")
        String page(@RequestParam(required = false) String month, Authentication user, Model model) {
            String shown;
            try {
                shown = Months.parse(month).toString();
            } catch (BadRequest e) {
                model.addAttribute("error", e.getMessage());
                shown = Months.parse(null).toString();
            }
            YearMonth m = YearMonth.parse(shown);
            ResourceList.Draft empty = new ResourceList.Draft(shown, "", "", "", "", "", "", m.atDay(1).toString(),
                    m.atEndOfMonth().toString());
            return render(shown, empty, Map.of(), user, model);
        }

        @PostMapping("/resources")
        String publish(@ModelAttribute ResourceList.Draft draft, Authentication user, Model model,
                       RedirectAttributes redirect) {
            String code;
            try {
                code = list.publish(draft);
            } catch (ResourceList.InvalidItem e) {
                String m = e.errors().containsKey("month") ? Months.parse(null).toString() : draft.month().trim();
                return render(m, draft, e.errors(), user, model);
            }
            ResourceItem item = list.find(code).orElseThrow();
            redirect.addFlashAttribute("message", "已发布 " + code + " " + item.name());
            return "redirect:/resources?month=" + item.listMonth();
        }

        /** How a community claims an item in Tasklist (承接). */
        @GetMapping("/resources/{code}/claim")
        String howToClaim(@PathVariable String code, Model model) {
            ResourceItem item = list.find(code).filter(ResourceItem::published)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有项目 " + code));
            model.addAttribute("item", item);
            model.addAttribute("categoryName", list.categories().get(item.category()));
            model.addAttribute("deptName", directory.unitName(UnitType.DEPT.group(item.deptCode())));
            return "resources/claim";
        }

        private String render(String month, ResourceList.Draft draft, Map<String, String> errors, Authentication user,
                              Model model) {
            Set<String> groups = groups(user);
            Map<String, String> categories = list.categories();
            Map<String, List<ResourceItem>> sections = new LinkedHashMap<>();
            categories.keySet().forEach(c -> sections.put(c, new ArrayList<>()));
            list.items(YearMonth.parse(month)).forEach(i -> sections.get(i.category()).add(i));
            model.addAttribute("month", month);
            List<String> months = months(month);
            model.addAttribute("months", months);
            model.addAttribute("monthLabels", months.stream().collect(Collectors.toMap(m -> m,
                    m -> ResourceSubmissions.monthLabel(YearMonth.parse(m)))));
            model.addAttribute("categories", categories);
            model.addAttribute("sections", sections);
            model.addAttribute("deptNames", directory.departments().stream()
                    .collect(Collectors.toMap(Department::code, Department::name)));
            model.addAttribute("departments", directory.departments());
            model.addAttribute("totals", visibleTotals(totals, YearMonth.parse(month), groups));
            model.addAttribute("canPublish", groups.contains(Roles.CITY_CENTER) || groups.contains(Roles.ADMIN));
            model.addAttribute("canClaim", groups.contains(Roles.COMMUNITY_SECRETARY));
            // the monthly cycle (issue 15): when the month was published, and the way to the cycle's own pages
            model.addAttribute("publication", cycle.publication(YearMonth.parse(month)).orElse(null));
            model.addAttribute("canSubmit", ResourceCyclePages.department(user) != null);
            model.addAttribute("nextMonthLabel", ResourceSubmissions.monthLabel(cycle.nextMonth()));
            model.addAttribute("draft", draft);
            model.addAttribute("errors", errors);
            return "resources/list";
        }

        private List<String> months(String shown) {
            Collection<String> months = new TreeSet<>(Comparator.reverseOrder());
            months.addAll(list.months());
            months.add(shown);
            return new ArrayList<>(months);
        }
    }
}
