package cn.lianban.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

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
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.pairing.MemberDesk.ServiceInput;

/**
 * An agency member's own page and JSON (issue 15): his services and their status, the open needs of the
 * communities where he serves. Who may do what is decided by {@link MemberDesk}.
 */
final class MemberController {

    private MemberController() {
    }

    /**
     * JSON: {@code GET /api/members/me/services}, {@code POST} the same with {@code communityCode}, {@code date},
     * {@code hours}, {@code activity}, {@code needId} → 201; {@code GET /api/members/me/needs} (open ones);
     * {@code POST /api/members/me/needs/{id}/claim} → 200, 404 or 409 when another member claimed it first.
     */
    @RestController
    static class Api {
        private final MemberDesk desk;
        private final RequestBodies bodies;

        Api(MemberDesk desk, RequestBodies bodies) {
            this.desk = desk;
            this.bodies = bodies;
        }

        @GetMapping("/api/members/me/services")
        List<CheckinService.Service> services(Authentication user) {
            return desk.services(desk.memberOf(user));
        }

        @PostMapping("/api/members/me/services")
        ResponseEntity<Map<String, Long>> report(@RequestBody JsonNode body, Authentication user) {
            long id = desk.report(user, bodies.read(body, ServiceInput.class, CheckinDesk.INVALID));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
        }

        @GetMapping("/api/members/me/needs")
        List<Needs.Need> needs(Authentication user) {
            return desk.openNeeds(desk.memberOf(user));
        }

        @PostMapping("/api/members/me/needs/{id}/claim")
        Map<String, Long> claim(@PathVariable long id, Authentication user) {
            return Map.of("id", desk.claim(user, id).id());
        }
    }

    /** The service form as typed, so that a refused one comes back unchanged. */
    record Form(String communityCode, String date, String hours, String activity, String needId) {

        ServiceInput toInput() {
            try {
                return new ServiceInput(communityCode, blank(date) ? null : LocalDate.parse(date.strip()),
                        blank(hours) ? null : new BigDecimal(hours.strip()), activity,
                        blank(needId) ? null : Long.valueOf(needId.strip()));
            } catch (DateTimeParseException e) {
                throw new BadRequest(CheckinDesk.INVALID, "服务日期格式应为年-月-日，如 2026-11-20");
            } catch (NumberFormatException e) {
                throw new BadRequest(CheckinDesk.INVALID, "服务时长应填小时数，如 2.5");
            }
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    record CommunityOption(String code, String name) {
    }

    /** Page: {@code GET /members/me}, phone-sized. */
    @Controller
    static class Page {
        private final MemberDesk desk;
        private final CheckinService checkins;
        private final Directory directory;
        private final RequestBodies bodies;

        Page(MemberDesk desk, CheckinService checkins, Directory directory, RequestBodies bodies) {
            this.desk = desk;
            this.checkins = checkins;
            this.directory = directory;
            this.bodies = bodies;
        }

        @GetMapping(MemberDesk.PAGE)
        String page(@RequestParam(required = false) String need, Authentication user, Model model) {
            return page(user, new Form("", checkins.today().toString(), "", "", need == null ? "" : need), null,
                    model);
        }

        @PostMapping(MemberDesk.PAGE + "/services")
        String report(@RequestParam(required = false) String communityCode, @RequestParam(required = false) String date,
                      @RequestParam(required = false) String hours, @RequestParam(required = false) String activity,
                      @RequestParam(required = false) String needId, Authentication user, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
            Form form = new Form(communityCode, date, hours, activity, needId);
            try {
                desk.report(user, bodies.valid(form.toInput(), CheckinDesk.INVALID));
            } catch (ApiException | Forbidden e) {
                // shown on the page with the form as typed; nothing was stored
                response.setStatus(e instanceof ApiException a ? a.status().value() : HttpStatus.FORBIDDEN.value());
                return page(user, form, FieldCodes.withoutCodes(e.getMessage()), model);
            }
            redirect.addFlashAttribute("message", "已提交服务记录，待社区书记确认。");
            return "redirect:" + MemberDesk.PAGE;
        }

        @PostMapping(MemberDesk.PAGE + "/needs/{id}/claim")
        String claim(@PathVariable long id, Authentication user, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
            Needs.Need need;
            try {
                need = desk.claim(user, id);
            } catch (ApiException e) {
                response.setStatus(e.status().value());
                return page(user, new Form("", checkins.today().toString(), "", "", ""), e.getMessage(), model);
            }
            redirect.addFlashAttribute("message", "已认领「" + need.title() + "」，服务完成后请在下方登记服务。");
            return "redirect:" + MemberDesk.PAGE;
        }

        private String page(Authentication user, Form form, String error, Model model) {
            AgencyMember member = desk.memberOf(user);
            model.addAttribute("member", member);
            model.addAttribute("form", form.communityCode() == null || form.communityCode().isBlank()
                    ? new Form(desk.homeCommunity(member), form.date(), form.hours(), form.activity(), form.needId())
                    : form);
            model.addAttribute("error", error);
            model.addAttribute("communities", desk.communities(member).stream()
                    .map(c -> new CommunityOption(c, directory.community(c).map(Community::name).orElse(c))).toList());
            model.addAttribute("needs", desk.openNeeds(member));
            model.addAttribute("claimed", desk.claimed(member));
            model.addAttribute("services", desk.services(member));
            return "pairing/member";
        }
    }
}
