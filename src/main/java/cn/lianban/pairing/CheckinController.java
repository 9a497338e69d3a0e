package cn.lianban.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.FieldCodes;
import cn.lianban.common.Forbidden;
import cn.lianban.common.RequestBodies;
import cn.lianban.common.RequestValues;
import cn.lianban.directory.Community;
import cn.lianban.directory.CommunityChoice;
import cn.lianban.directory.Directory;
import cn.lianban.pairing.CheckinDesk.CheckinInput;
import cn.lianban.pairing.CheckinDesk.Scope;

/**
 * 双报到 check-ins as JSON for apps and as a small page for community secretaries. Who may do what is
 * decided by {@link CheckinDesk}.
 */
final class CheckinController {

    private CheckinController() {
    }

    /**
     * JSON: {@code POST /api/checkins} with {@code memberId}, {@code communityCode}, {@code date},
     * {@code hours}, {@code activity} → 201 {@code {"id": …}}; {@code GET /api/checkins/totals?by=&month=}.
     */
    @RestController
    static class Api {
        private final CheckinDesk desk;
        private final RequestBodies bodies;

        Api(CheckinDesk desk, RequestBodies bodies) {
            this.desk = desk;
            this.bodies = bodies;
        }

        @PostMapping("/api/checkins")
        ResponseEntity<Map<String, Long>> record(@RequestBody JsonNode body, Authentication user) {
            long id = desk.record(user, bodies.read(body, CheckinInput.class, CheckinDesk.INVALID));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
        }

        @GetMapping("/api/checkins/totals")
        List<CheckinService.Total> totals(@RequestParam(required = false) String by,
                                          @RequestParam(required = false) String month, Authentication user) {
            CheckinService.By grouping = RequestValues.choice(CheckinService.By.class, by, CheckinService.By.MEMBER,
                    "bad_by", "by 须为 member、agency 或 community");
            return desk.totals(user, grouping, RequestValues.month(month));
        }
    }

    /** What the page's form shows, as typed, so that a rejected check-in comes back unchanged. */
    record Form(String memberId, String communityCode, String date, String hours, String activity) {

        static Form empty(String community, LocalDate today) {
            return new Form("", community, today.toString(), "", "");
        }

        CheckinInput toInput() {
            return new CheckinInput(parsedMemberId(), communityCode, parsedDate(), parsedHours(), activity);
        }

        private Long parsedMemberId() {
            try {
                return blank(memberId) ? null : Long.valueOf(memberId.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest(CheckinDesk.INVALID, "报到党员（memberId）应填党员编号（数字）：" + memberId);
            }
        }

        private LocalDate parsedDate() {
            try {
                return blank(date) ? null : LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequest(CheckinDesk.INVALID, "服务日期（date）格式应为 yyyy-MM-dd，如 2026-11-20：" + date);
            }
        }

        private BigDecimal parsedHours() {
            try {
                return blank(hours) ? null : new BigDecimal(hours.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest(CheckinDesk.INVALID, "服务时长（hours）应填小时数，如 2.5：" + hours);
            }
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** A member in the form's list: the id the form sends, and the name and agency people pick by. */
    record MemberOption(long id, String label) {
    }

    /** A table of the page: this month's totals by member or by agency. */
    record Table(String title, String unit, List<CheckinService.Total> rows) {
    }

    /** Page: {@code GET /checkins} records a check-in and shows this month's totals of the user's community. */
    @Controller
    static class Page {
        private final CheckinDesk desk;
        private final CheckinService checkins;
        private final PairingRepository pairing;
        private final Directory directory;
        private final RequestBodies bodies;

        Page(CheckinDesk desk, CheckinService checkins, PairingRepository pairing, Directory directory,
             RequestBodies bodies) {
            this.desk = desk;
            this.checkins = checkins;
            this.pairing = pairing;
            this.directory = directory;
            this.bodies = bodies;
        }

        @GetMapping("/checkins")
        String page(Authentication user, Model model) {
            Scope scope = desk.scopeOf(user);
            return page(user, scope, Form.empty(scope.single().orElse(""), checkins.today()), null, model);
        }

        @PostMapping("/checkins")
        String record(@RequestParam(required = false) String memberId,
                      @RequestParam(required = false) String communityCode,
                      @RequestParam(required = false) String date, @RequestParam(required = false) String hours,
                      @RequestParam(required = false) String activity, Authentication user, Model model,
                      RedirectAttributes redirect) {
            Scope scope = desk.scopeOf(user);
            String community = scope.single().orElse(communityCode);
            Form form = new Form(memberId, community, date, hours, activity);
            CheckinInput input;
            try {
                input = bodies.valid(form.toInput());
                desk.record(user, input);
            } catch (BadRequest | Forbidden e) {
                // shown on the page with the form as typed; nothing was stored
                return page(user, scope, form, FieldCodes.withoutCodes(e.getMessage()), model);
            }
            redirect.addFlashAttribute("message", confirmation(input));
            return "redirect:/checkins";
        }

        @PostMapping("/checkins/{id}/confirm")
        String confirm(@PathVariable long id, Authentication user, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
            return decide(id, true, null, user, model, response, redirect);
        }

        @PostMapping("/checkins/{id}/return")
        String giveBack(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
            return decide(id, false, reason, user, model, response, redirect);
        }

        /** A secretary confirms a member's service or returns it (issue 15); a refusal is shown on the page. */
        private String decide(long id, boolean confirm, String reason, Authentication user, Model model,
                              HttpServletResponse response, RedirectAttributes redirect) {
            CheckinService.Service s;
            try {
                s = desk.decide(user, id, confirm, reason);
            } catch (ApiException e) {
                response.setStatus(e.status().value());
                Scope scope = desk.scopeOf(user);
                return page(user, scope, Form.empty(scope.single().orElse(""), checkins.today()), e.getMessage(),
                        model);
            }
            redirect.addFlashAttribute("message", (confirm ? "已确认" : "已退回") + s.memberName() + "的服务："
                    + s.activity() + "（" + s.hoursText() + " 小时）。");
            return "redirect:/checkins";
        }

        /** 已登记双报到：张伟（市住房和城乡建设局党支部）在大联社区服务 2.5 小时，2026-11-20。 */
        private String confirmation(CheckinInput in) {
            AgencyMember member = pairing.member(in.memberId()).orElseThrow();
            String agency = pairing.agency(member.agencyCode()).map(Agency::name).orElse("");
            String community = directory.community(in.communityCode().strip()).map(Community::name)
                    .orElse(in.communityCode());
            return "已登记双报到：" + member.name() + (agency.isEmpty() ? "" : "（" + agency + "）") + "在" + community
                    + "服务 " + in.hours().stripTrailingZeros().toPlainString() + " 小时，" + in.date() + "。";
        }

        private String page(Authentication user, Scope scope, Form form, String error, Model model) {
            YearMonth month = YearMonth.from(checkins.today());
            String single = scope.single().orElse(null);
            model.addAttribute("form", form);
            model.addAttribute("error", error);
            model.addAttribute("community", single == null ? null
                    : directory.community(single).map(Community::name).orElse(single));
            Map<String, String> agencies = pairing.agencies().stream()
                    .collect(Collectors.toMap(Agency::code, Agency::name));
            model.addAttribute("members", single == null ? List.of() : pairing.membersPlacedIn(single).stream()
                    .map(m -> new MemberOption(m.id(), m.name() + "（" + agencies.getOrDefault(m.agencyCode(), "")
                            + "）")).toList());
            // the city center records for any community: chosen by name, by street
            model.addAttribute("communitiesByStreet", single == null ? CommunityChoice.byStreet(directory) : Map.of());
            String when = month.getYear() + " 年 " + month.getMonthValue() + " 月";
            model.addAttribute("pending", desk.pending(user));
            model.addAttribute("tables", List.of(
                    new Table(when + "按党员统计", "党员", desk.totals(user, CheckinService.By.MEMBER, month)),
                    new Table(when + "按派出单位统计", "派出单位", desk.totals(user, CheckinService.By.AGENCY, month))));
            return "tickets/checkins";
        }
    }
}
