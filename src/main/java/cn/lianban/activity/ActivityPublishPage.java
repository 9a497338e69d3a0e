package cn.lianban.activity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.BadRequest;
import cn.lianban.common.FieldCodes;
import cn.lianban.common.Forbidden;
import cn.lianban.common.RequestBodies;
import cn.lianban.directory.Directory;
import cn.lianban.venue.Venue;
import cn.lianban.venue.Venues;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code /activities/new}: a unit's secretary, committee, street office or the city center publishes an activity
 * at one of the venues the unit holds activities at ({@link Venues#usableBy}), and sees its upcoming
 * activities with their sign-ups. The checks are {@link ActivityService#publish}'s; a refusal comes back on the
 * form as typed, in Chinese.
 */
@Controller
class ActivityPublishPage {

    static final String NOT_A_PUBLISHER = "发布活动仅限社区书记、片区联合党委委员、街道和市城市党建服务中心";

    private final ActivityService activities;
    private final Venues venues;
    private final Directory directory;
    private final RequestBodies requests;

    ActivityPublishPage(ActivityService activities, Venues venues, Directory directory, RequestBodies requests) {
        this.activities = activities;
        this.venues = venues;
        this.directory = directory;
        this.requests = requests;
    }

    /**
     * What the form holds, as typed, so that a refused activity comes back unchanged. Its annotations check what
     * only the form has (a day and two times); the activity made of it is checked by the service.
     */
    record Form(String unitGroup, String venueCode, String title,
                @NotBlank(message = "请填写活动日期") String date,
                @NotBlank(message = "请填写开始时间") String starts,
                @NotBlank(message = "请填写结束时间") String ends,
                String capacity, String description) {

        static Form empty(String unitGroup, LocalDate day) {
            return new Form(unitGroup, "", "", day.toString(), "09:00", "11:00", "", "");
        }

        ActivityService.NewActivity toActivity(RequestBodies requests) {
            requests.valid(this, ActivityService.INVALID_ACTIVITY);
            LocalDate day = parsed(date, "活动日期应写成 2026-12-10 这样的日期", LocalDate::parse);
            LocalTime from = parsed(starts, "开始时间应写成 09:00 这样的时间", LocalTime::parse);
            LocalTime to = parsed(ends, "结束时间应写成 11:00 这样的时间", LocalTime::parse);
            Integer places;
            try {
                places = blank(capacity) ? null : Integer.valueOf(capacity.strip());
            } catch (NumberFormatException e) {
                throw new BadRequest(ActivityService.INVALID_ACTIVITY, "名额应填整数人数");
            }
            return new ActivityService.NewActivity(title, description, venueCode, unitGroup, day.atTime(from),
                    day.atTime(to), places);
        }

        private static <T> T parsed(String text, String malformed, Function<String, T> parse) {
            try {
                return parse.apply(text.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequest(ActivityService.INVALID_ACTIVITY, malformed);
            }
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** A venue in the list: its code, and its name with the hours it is open and how many it holds. */
    record VenueOption(String code, String label) {
    }

    @GetMapping("/activities/new")
    String form(@RequestParam(required = false) String unit, Authentication user, Model model,
                HttpServletResponse response) {
        Set<String> units = Publishers.unitsOf(groups(user));
        String chosen = unit != null && units.contains(unit) ? unit : units.stream().findFirst().orElse(null);
        return page(units, Form.empty(chosen, activities.now().toLocalDate().plusDays(7)), null, model, response);
    }

    @PostMapping("/activities/new")
    String publish(@RequestParam(required = false) String unitGroup, @RequestParam(required = false) String venueCode,
                   @RequestParam(required = false) String title, @RequestParam(required = false) String date,
                   @RequestParam(required = false) String starts, @RequestParam(required = false) String ends,
                   @RequestParam(required = false) String capacity,
                   @RequestParam(required = false) String description, Authentication user, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Collection<String> groups = groups(user);
        Set<String> units = Publishers.unitsOf(groups);
        // a unit's only publisher may leave the unit out, as in the API
        String unit = (unitGroup == null || unitGroup.isBlank()) && units.size() == 1 ? units.iterator().next()
                : unitGroup;
        Form form = new Form(unit, venueCode, title, date, starts, ends, capacity, description);
        try {
            if (unit != null && units.contains(unit)
                    && venues.usableBy(unit).stream().noneMatch(v -> v.code().equals(venueCode))) {
                throw new BadRequest(ActivityService.INVALID_ACTIVITY, "请从列表中选择本单位可以使用的阵地");
            }
            Activity published = activities.publish(groups, user.getName(), form.toActivity(requests));
            redirect.addFlashAttribute("message", "已发布「" + published.title() + "」："
                    + ActivityController.when(published.startsAt(), published.endsAt()) + "，" + published.venueName()
                    + "，名额 " + published.capacity() + " 人。居民可在活动报名页报名。");
            return "redirect:/activities/new?unit=" + published.unitGroup();
        } catch (BadRequest | Forbidden e) {
            response.setStatus((e instanceof Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST).value());
            return page(units, form, FieldCodes.withoutCodes(e.getMessage()), model, response);
        }
    }

    private String page(Set<String> units, Form form, String error, Model model, HttpServletResponse response) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        if (units.isEmpty()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("error", NOT_A_PUBLISHER);
            model.addAttribute("units", Map.of());
            return "activities/new";
        }
        Map<String, String> unitNames = new LinkedHashMap<>();
        units.forEach(u -> unitNames.put(u, directory.unitName(u)));
        model.addAttribute("units", unitNames);
        String unit = form.unitGroup() != null && units.contains(form.unitGroup()) ? form.unitGroup()
                : units.iterator().next();
        model.addAttribute("unit", unit);
        model.addAttribute("venuesByLevel", venues.usableBy(unit).stream().collect(Collectors.groupingBy(
                Venue::levelName, LinkedHashMap::new, Collectors.mapping(
                        v -> new VenueOption(v.code(), v.name() + "（开放 " + v.hoursText() + "，容纳 " + v.capacity()
                                + " 人）"), Collectors.toList()))));
        List<ActivityController.Row> ours = activities.upcoming(null).stream()
                .filter(a -> units.contains(a.unitGroup())).map(ActivityController.Row::of).toList();
        model.addAttribute("ours", ours);
        return "activities/new";
    }

    private static Collection<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
