package cn.lianban.responsibility;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.responsibility.ResponsibilityList.Category;
import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;

/**
 * Admin page for the 权责清单: find items by category and text, add one or change one. A saved change is
 * deployed at once into the ticket start form, so it applies to new tickets; running tickets keep what was
 * copied into them at dispatch. Access control for /admin/** is configured with the rest of security.
 */
@Controller
@RequestMapping("/admin/responsibility")
class ResponsibilityAdminController {

    private static final String VIEW = "admin/responsibility";

    private final ResponsibilityList list;
    private final Directory directory;

    ResponsibilityAdminController(ResponsibilityList list, Directory directory) {
        this.list = list;
        this.directory = directory;
    }

    /** A table row with the Chinese names the administrator reads. */
    record Row(ResponsibilityItem item, String categoryName, String leadName, String helperNames) {
    }

    /** What the form shows; the time limit as text so that a rejected input comes back exactly as typed. */
    record Form(String code, String name, String category, String kind, String leadDept,
                       List<String> helperDepts, String resolveDays, boolean active) {

        Form {
            helperDepts = helperDepts == null ? List.of() : List.copyOf(helperDepts);
        }

        static Form empty() {
            return new Form("", "", "", ResponsibilityList.BASIC, "", List.of(), "", true);
        }

        static Form of(ResponsibilityItem item) {
            return new Form(item.code(), item.name(), item.category(), item.kind(), item.leadDept(),
                    item.helperDepts(), String.valueOf(item.resolveDays()), item.active());
        }

        ResponsibilityItem toItem() {
            int days;
            try {
                days = Integer.parseInt(resolveDays == null ? "" : resolveDays.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("办结时限（resolveDays）应填 " + ResponsibilityList.MIN_RESOLVE_DAYS
                        + "–" + ResponsibilityList.MAX_RESOLVE_DAYS + " 的整数（工作日）：" + resolveDays);
            }
            String trimmedCode = code == null ? null : code.strip();
            return new ResponsibilityItem(trimmedCode, name, category, kind, leadDept, helperDepts, days, active);
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String edit, CsrfToken csrf, Model model) {
        Form form = list.find(edit).map(Form::of).orElse(Form.empty());
        return page(category, q, form, null, csrf, model);
    }

    @PostMapping
    String save(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String category, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String leadDept,
                       @RequestParam(required = false) List<String> helperDepts,
                       @RequestParam(required = false) String resolveDays,
                       @RequestParam(defaultValue = "false") boolean active,
                       CsrfToken csrf, Model model, RedirectAttributes redirect) {
        Form form = new Form(code, name, category, kind, leadDept, helperDepts, resolveDays, active);
        ResponsibilityItem item;
        try {
            item = form.toItem();
            list.save(item);
        } catch (IllegalArgumentException e) {
            // nothing was stored: the list checks the item before writing, and a failed deployment rolls it back
            return page(null, null, form, e.getMessage(), csrf, model);
        }
        redirect.addFlashAttribute("message", "已保存 " + item.code() + " " + item.name().strip()
                + (item.active() ? "" : "（已停用）") + "。新点单即按新清单派单；已派出的工单仍按派单时的部门和时限办理。");
        redirect.addAttribute("q", item.code());
        return "redirect:/admin/responsibility";
    }

    private String page(String category, String q, Form form, String error, CsrfToken csrf, Model model) {
        // the session-stored token is created on first use; the long list would commit the response before that
        csrf.getToken();
        List<Category> categories = list.categories();
        Map<String, String> categoryNames = categories.stream()
                .collect(Collectors.toMap(Category::code, Category::name));
        List<Department> departments = directory.departments();
        Map<String, String> deptNames = departments.stream()
                .collect(Collectors.toMap(Department::code, Department::name));
        Function<String, String> deptName = d -> deptNames.getOrDefault(d, d);
        List<Row> rows = list.search(category, q).stream()
                .map(i -> new Row(i, categoryNames.getOrDefault(i.category(), i.category()), deptName.apply(i.leadDept()),
                        i.helperDepts().stream().map(deptName).collect(Collectors.joining("、"))))
                .toList();
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("categories", categories);
        model.addAttribute("departments", departments);
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("editing", list.find(form.code()).isPresent());
        model.addAttribute("error", error);
        return VIEW;
    }
}
