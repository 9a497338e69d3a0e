package cn.lianban.rates;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Months;
import cn.lianban.common.RequestValues;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;

/**
 * The monthly 三率 ranking, as a page for street offices and the city center and as JSON. A street
 * office sees departments and streets citywide but communities of its own street only.
 */
final class TicketRatesController {

    private TicketRatesController() {
    }

    static List<TicketRates.Rate> visible(TicketRates rates, UserUnits units, String month, String by,
                                          Authentication user) {
        TicketRates.By grouping = grouping(by);
        List<TicketRates.Rate> all = rates.rates(month(month), grouping);
        Set<String> communities = units.communities(user, Roles.STREET_OFFICE);
        if (grouping != TicketRates.By.COMMUNITY || communities == null) {
            return all;
        }
        return all.stream().filter(r -> communities.contains(r.key())).toList();
    }

    static YearMonth month(String month) {
        return Months.parse(month);
    }

    static TicketRates.By grouping(String by) {
        return RequestValues.choice(TicketRates.By.class, by, TicketRates.By.DEPT, "bad_by",
                "by 须为 dept、community 或 street");
    }

    /** JSON: {@code GET /api/tickets/rates?month=2026-11&by=dept}. */
    @RestController
    static class Api {
        private final TicketRates rates;
        private final UserUnits units;

        Api(TicketRates rates, UserUnits units) {
            this.rates = rates;
            this.units = units;
        }

        @GetMapping("/api/tickets/rates")
        List<TicketRates.Rate> rates(@RequestParam(required = false) String month,
                                     @RequestParam(required = false) String by, Authentication user) {
            return visible(rates, units, month, by, user);
        }
    }

    /** Page: {@code GET /tickets/rates?month=2026-11&by=dept}. */
    @Controller
    static class Page {
        private final TicketRates rates;
        private final UserUnits units;

        Page(TicketRates rates, UserUnits units) {
            this.rates = rates;
            this.units = units;
        }

        @GetMapping("/tickets/rates")
        String page(@RequestParam(required = false) String month, @RequestParam(required = false) String by,
                    Authentication user, Model model) {
            String error = null;
            List<TicketRates.Rate> rows = List.of();
            try {
                rows = visible(rates, units, month, by, user);
            } catch (BadRequest e) {
                error = e.getMessage();
            }
            model.addAttribute("rows", rows);
            model.addAttribute("error", error);
            model.addAttribute("month", error == null ? month(month).toString() : month);
            model.addAttribute("by", error == null ? grouping(by).name().toLowerCase() : "dept");
            return "tickets/rates";
        }
    }
}
