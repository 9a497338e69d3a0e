package cn.lianban.resource;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.ApiException;
import cn.lianban.common.Forbidden;
import cn.lianban.common.Months;
import cn.lianban.common.RequestBodies;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.security.UserUnits;

/**
 * The pages of the monthly cycle (issue 15, point 4): a department's own submissions for next month
 * ({@code /resources/submissions}) and the city center's review and publishing ({@code /resources/review}).
 */
final class ResourceCyclePages {

    private static final String DEPT_GROUP = UnitType.DEPT.group("");

    private ResourceCyclePages() {
    }

    /** The department a login submits for: its {@code dept:<code>} group; none for anyone else. */
    static String department(Authentication user) {
        return UserUnits.groups(user).stream().filter(g -> g.startsWith(DEPT_GROUP)).sorted().findFirst()
                .map(g -> g.substring(DEPT_GROUP.length())).orElse(null);
    }

    /** What the city center writes when it returns an item. */
    record ReturnReason(@NotBlank(message = "退回修改须写明理由")
                        @Size(max = ResourceSubmissions.REASON_MAX, message = "退回理由不能超过500字") String reason) {
    }

    /** {@code /resources/submissions}: a department submits, edits and withdraws its items for next month. */
    @Controller
    static class Submissions {
        private final ResourceSubmissions cycle;
        private final ResourceList list;
        private final Directory directory;

        Submissions(ResourceSubmissions cycle, ResourceList list, Directory directory) {
            this.cycle = cycle;
            this.list = list;
            this.directory = directory;
        }

        @GetMapping("/resources/submissions")
        String page(@RequestParam(required = false) String edit, Authentication user, Model model) {
            String dept = own(user);
            YearMonth month = cycle.nextMonth();
            ResourceList.Draft draft = cycle.ofDepartment(dept, month).stream().filter(s -> s.code().equals(edit))
                    .filter(ResourceSubmissions.Submission::open).findFirst().map(Submissions::draftOf)
                    .orElseGet(() -> empty(month));
            return render(dept, draft, edit != null && !draft.name().isEmpty() ? edit : null, Map.of(), model);
        }

        @PostMapping("/resources/submissions")
        String submit(@ModelAttribute ResourceList.Draft draft, Authentication user, Model model,
                      RedirectAttributes redirect) {
            String dept = own(user);
            try {
                String code = cycle.submit(user.getName(), dept, withMonth(draft, cycle.nextMonth()));
                redirect.addFlashAttribute("message", "已提交 " + code + " " + draft.name().strip() + "，待市城市党建服务中心审核");
            } catch (ResourceList.InvalidItem e) {
                return render(dept, draft, null, e.errors(), model);
            }
            return "redirect:/resources/submissions";
        }

        @PostMapping("/resources/submissions/{code}")
        String edit(@PathVariable String code, @ModelAttribute ResourceList.Draft draft, Authentication user,
                    Model model, RedirectAttributes redirect) {
            String dept = own(user);
            try {
                cycle.edit(user.getName(), dept, code, draft);
                redirect.addFlashAttribute("message", "已修改 " + code + "，重新待审核");
            } catch (ResourceList.InvalidItem e) {
                return render(dept, draft, code, e.errors(), model);
            } catch (ApiException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
            return "redirect:/resources/submissions";
        }

        @PostMapping("/resources/submissions/{code}/withdraw")
        String withdraw(@PathVariable String code, Authentication user, RedirectAttributes redirect) {
            try {
                cycle.withdraw(user.getName(), own(user), code);
                redirect.addFlashAttribute("message", "已撤回 " + code);
            } catch (ApiException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
            return "redirect:/resources/submissions";
        }

        private String render(String dept, ResourceList.Draft draft, String editing, Map<String, String> errors,
                              Model model) {
            YearMonth month = cycle.nextMonth();
            model.addAttribute("month", month.toString());
            model.addAttribute("monthLabel", ResourceSubmissions.monthLabel(month));
            model.addAttribute("deptName", directory.unitName(UnitType.DEPT.group(dept)));
            model.addAttribute("items", cycle.ofDepartment(dept, month));
            model.addAttribute("decisions", cycle.decisions(month, dept));
            model.addAttribute("publication", cycle.publication(month).orElse(null));
            model.addAttribute("categories", list.categories());
            model.addAttribute("draft", draft);
            model.addAttribute("editing", editing);
            model.addAttribute("errors", errors);
            return "resources/submissions";
        }

        private static String own(Authentication user) {
            String dept = department(user);
            if (dept == null) {
                throw new Forbidden("资源清单申报仅向职能部门开放");
            }
            return dept;
        }

        private static ResourceList.Draft empty(YearMonth month) {
            return new ResourceList.Draft(month.toString(), "", "", "", "", "", "", month.atDay(1).toString(),
                    month.atEndOfMonth().toString());
        }

        private static ResourceList.Draft withMonth(ResourceList.Draft d, YearMonth month) {
            return new ResourceList.Draft(month.toString(), d.category(), d.name(), d.description(), d.deptCode(),
                    d.capacity(), d.budget(), d.validFrom(), d.validTo());
        }

        private static ResourceList.Draft draftOf(ResourceSubmissions.Submission s) {
            return new ResourceList.Draft(s.listMonth(), s.category(), s.name(), s.description() == null ? "" : s.description(),
                    s.deptCode(), s.capacity() == null ? "" : s.capacity().toString(),
                    s.budget() == null ? "" : s.budget().toPlainString(), s.validFrom().toString(), s.validTo().toString());
        }
    }

    /** {@code /resources/review}: the city center approves or returns each submission and publishes the month. */
    @Controller
    static class Review {
        private final ResourceSubmissions cycle;
        private final RequestBodies bodies;

        Review(ResourceSubmissions cycle, RequestBodies bodies) {
            this.cycle = cycle;
            this.bodies = bodies;
        }

        @GetMapping("/resources/review")
        String page(@RequestParam(required = false) String month, Authentication user, Model model) {
            center(user);
            YearMonth shown = month == null || month.isBlank() ? cycle.nextMonth() : Months.parse(month);
            Map<String, List<ResourceSubmissions.Submission>> byDept = cycle.ofMonth(shown).stream()
                    .collect(Collectors.groupingBy(s -> s.deptName() == null ? s.deptCode() : s.deptName(),
                            LinkedHashMap::new, Collectors.toList()));
            model.addAttribute("month", shown.toString());
            model.addAttribute("monthLabel", ResourceSubmissions.monthLabel(shown));
            // links, not a month input: the browser would name the months in its own language
            model.addAttribute("previous", shown.minusMonths(1).toString());
            model.addAttribute("previousLabel", ResourceSubmissions.monthLabel(shown.minusMonths(1)));
            model.addAttribute("following", shown.plusMonths(1).toString());
            model.addAttribute("followingLabel", ResourceSubmissions.monthLabel(shown.plusMonths(1)));
            model.addAttribute("byDept", byDept);
            model.addAttribute("approved", byDept.values().stream().flatMap(List::stream)
                    .filter(s -> "APPROVED".equals(s.reviewState())).count());
            model.addAttribute("publication", cycle.publication(shown).orElse(null));
            model.addAttribute("decisions", cycle.decisions(shown, null));
            return "resources/review";
        }

        @PostMapping("/resources/review/{code}/approve")
        String approve(@PathVariable String code, Authentication user, RedirectAttributes redirect) {
            center(user);
            return decided(redirect, code, () -> cycle.approve(user.getName(), code), "已通过 " + code);
        }

        @PostMapping("/resources/review/{code}/return")
        String sendBack(@PathVariable String code, @ModelAttribute ReturnReason form, Authentication user,
                        RedirectAttributes redirect) {
            center(user);
            return decided(redirect, code, () -> cycle.sendBack(user.getName(), code, bodies.valid(form).reason().strip()),
                    "已退回 " + code + " 修改");
        }

        @PostMapping("/resources/review/publish")
        String publish(@RequestParam String month, Authentication user, RedirectAttributes redirect) {
            center(user);
            YearMonth m = Months.parse(month);
            ResourceSubmissions.Published p;
            try {
                p = cycle.publish(user.getName(), m);
            } catch (DuplicateKeyException publishedAtTheSameMoment) {
                redirect.addFlashAttribute("error", "同时有人发布了本月清单，请查看后再发布");
                return "redirect:/resources/review?month=" + m;
            }
            redirect.addFlashAttribute("message", p.first()
                    ? ResourceSubmissions.monthLabel(m) + "资源清单已发布，新增" + p.added() + "项，已通知"
                            + p.publication().mailed() + "个社区"
                    : "已补充发布" + p.added() + "项；本月清单此前已通知各社区，不再重复发送邮件");
            return "redirect:/resources/review?month=" + m;
        }

        private String decided(RedirectAttributes redirect, String code, Runnable decision, String done) {
            String month = cycle.find(code).map(ResourceSubmissions.Submission::listMonth).orElse("");
            try {
                decision.run();
                redirect.addFlashAttribute("message", done);
            } catch (ApiException | ResourceList.InvalidItem e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
            return "redirect:/resources/review" + (month.isEmpty() ? "" : "?month=" + month);
        }

        private static void center(Authentication user) {
            Set<String> groups = UserUnits.groups(user);
            if (!groups.contains(Roles.CITY_CENTER) && !groups.contains(Roles.ADMIN)) {
                throw new Forbidden("资源清单审核仅向市城市党建服务中心开放");
            }
        }
    }
}
