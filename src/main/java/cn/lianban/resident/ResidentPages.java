package cn.lianban.resident;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.lianban.common.ApiException;
import cn.lianban.common.EngineClock;
import cn.lianban.common.ResidentQuota;
import cn.lianban.common.UserInputException;
import cn.lianban.notify.RatedByResident;
import cn.lianban.notify.ResidentLinks;
import cn.lianban.ticket.TicketProgress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages a resident reaches from the SMS about a ticket they reported, anonymous and phone-sized: the status
 * page {@code /status/{TK-…}} (shown for the last four digits of their phone) and the rating page
 * {@code /rate/{token}}, for a ticket or a joint case alike (the module whose the link's case is records the rating). An unknown number, a ticket without a phone and wrong digits get one and the same answer,
 * and every lookup counts against {@link ResidentQuota} (per ticket number and per address), so the four digits
 * cannot be tried through.
 */
@Controller
class ResidentPages {

    static final String NOT_FOUND = "没有查到该工单：请核对工单编号和反映时所留手机号的后四位。";
    /** Dates as residents read them: 2026年3月2日 10:00 (Beijing time). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(EngineClock.ZONE);

    private final TicketProgress progress;
    private final ResidentLinks links;
    private final List<RatedByResident> rated;
    private final ResidentQuota quota;

    ResidentPages(TicketProgress progress, ResidentLinks links, List<RatedByResident> rated, ResidentQuota quota) {
        this.progress = progress;
        this.links = links;
        this.rated = rated;
        this.quota = quota;
    }

    @GetMapping({"/status", "/status/{key}"})
    String statusForm(@PathVariable(required = false) String key, Model model) {
        model.addAttribute("key", key);
        return "resident/status";
    }

    @PostMapping({"/status", "/status/{key}"})
    String status(@PathVariable(required = false) String key, @RequestParam(name = "key", required = false) String typed,
                  @RequestParam(required = false) String last4, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        String ticket = (typed != null && !typed.isBlank() ? typed : key == null ? "" : key).strip().toUpperCase();
        model.addAttribute("key", ticket);
        try {
            Optional<TicketProgress.Progress> found = lookup(ticket, last4, request.getRemoteAddr());
            if (found.isEmpty()) {
                model.addAttribute("error", NOT_FOUND);
            } else {
                model.addAttribute("ticket", found.get());
                model.addAttribute("dates", new Dates());
            }
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        return "resident/status";
    }

    /** Counts the lookup, whatever its answer: a wrong guess costs as much as a right one. */
    Optional<TicketProgress.Progress> lookup(String key, String last4, String address) {
        String digits = last4 == null ? null : last4.strip();
        return quota.spend(ResidentQuota.Kind.STATUS, key, address, () -> progress.forResident(key, digits));
    }

    @GetMapping("/rate/{token}")
    String rateForm(@PathVariable String token, Model model, HttpServletResponse response) {
        return rating(token, model, response);
    }

    @PostMapping("/rate/{token}")
    String rate(@PathVariable String token, @RequestParam(required = false) Integer score,
                @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        Optional<Rating> rating = rating(token);
        try {
            if (score == null) {
                throw new UserInputException("score", "请选择 1 到 5 分");
            }
            rating.orElseThrow(ResidentLinks::expired).by().rate(token, score, comment);
            model.addAttribute("rated", score);
            model.addAttribute("invitation", rating.get().invitation());
            return "resident/rate";
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("comment", comment);
            return rating(token, model, response);
        }
    }

    private String rating(String token, Model model, HttpServletResponse response) {
        Optional<Rating> rating = rating(token);
        if (rating.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", ResidentLinks.EXPIRED);
        } else {
            model.addAttribute("invitation", rating.get().invitation());
        }
        model.addAttribute("token", token);
        return "resident/rate";
    }

    /** The valid link's case or ticket, as the module it belongs to shows it; empty for any other token. */
    private Optional<Rating> rating(String token) {
        return links.businessKey(token).flatMap(key -> rated.stream()
                .flatMap(by -> by.invitation(key).map(i -> new Rating(by, i)).stream()).findFirst());
    }

    private record Rating(RatedByResident by, ResidentLinks.Invitation invitation) {
    }

    /** Formats the page's dates; a missing date is left empty. */
    static final class Dates {
        public String of(Instant at) {
            return at == null ? "" : DATE.format(at);
        }
    }
}
