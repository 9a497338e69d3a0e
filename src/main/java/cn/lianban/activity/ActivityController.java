package cn.lianban.activity;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.activity.ActivityService.AttendanceInput;
import cn.lianban.activity.ActivityService.CancelInput;
import cn.lianban.activity.ActivityService.NewActivity;
import cn.lianban.activity.ActivityService.SignupInput;
import cn.lianban.common.ApiError;
import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.FieldCodes;
import cn.lianban.common.JsonBodies;
import cn.lianban.common.ResidentQuota;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 活动 as JSON for the 小程序 and as public pages for residents; both go through {@link ActivityService}.
 * Listing, signing up and cancelling are anonymous; publishing, withdrawing, the sign-up list and attendance
 * need a login of the publishing unit.
 */
final class ActivityController {

    /** ISO local date-time, Beijing time, always with seconds: {@code 2026-12-01T09:30:00}. */
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private ActivityController() {
    }

    /** An activity as JSON. */
    public record ActivityJson(long id, String title, String description, String venueCode, String venueName,
                               String unitGroup, String startsAt, String endsAt, int capacity, String status,
                               int confirmed, int waitlisted, int placesLeft) {

        static ActivityJson of(Activity a) {
            return new ActivityJson(a.id(), a.title(), a.description(), a.venueCode(), a.venueName(), a.unitGroup(),
                    ISO.format(a.startsAt()), ISO.format(a.endsAt()), a.capacity(), a.status().name(), a.confirmed(),
                    a.waitlisted(), a.placesLeft());
        }
    }

    /**
     * JSON. Anonymous: {@code GET /api/activities[?venue=]}, {@code GET /api/activities/{id}},
     * {@code POST /api/activities/{id}/signups} ({@code name}, {@code phone}) → 201
     * {@code {"id", "code", "status", "position", "waitlistPosition"}} (429 past the residents' hourly limits),
     * {@code DELETE /api/activities/{id}/signups?code=&phone=} → 204 (404 alike for an unknown code and a wrong
     * phone). With a login: {@code POST /api/activities} → 201 with the activity, {@code DELETE /api/activities/{id}}
     * → 204, {@code GET /api/activities/{id}/signups}, {@code POST /api/activities/{id}/attendance}
     * ({@code phone}) → 204. Unknown activity 404, refused by the activity's state 409, both with the
     * contract's error body. Bodies are read strictly here ({@link JsonBodies}); their values are checked by the
     * service, as the pages' are.
     */
    @RestController
    static class Api {
        private final ActivityService activities;
        private final ObjectMapper json;
        private final ResidentQuota quota;

        Api(ActivityService activities, ObjectMapper json, ResidentQuota quota) {
            this.activities = activities;
            this.json = json;
            this.quota = quota;
        }

        @GetMapping("/api/activities")
        List<ActivityJson> upcoming(@RequestParam(required = false) String venue) {
            return activities.upcoming(venue).stream().map(ActivityJson::of).toList();
        }

        @GetMapping("/api/activities/{id}")
        ActivityJson one(@PathVariable long id) {
            return ActivityJson.of(activities.get(id));
        }

        @PostMapping("/api/activities/{id}/signups")
        ResponseEntity<SignupResult> signUp(@PathVariable long id, @RequestBody JsonNode body,
                                            HttpServletRequest request) {
            SignupInput in = JsonBodies.read(json, body, SignupInput.class);
            return ResponseEntity.status(HttpStatus.CREATED).body(quota.spend(ResidentQuota.Kind.SIGNUP, in.phone(),
                    request.getRemoteAddr(), () -> activities.signUp(id, in)));
        }

        @DeleteMapping("/api/activities/{id}/signups")
        ResponseEntity<Void> cancel(@PathVariable long id, @RequestParam(required = false) String code,
                                    @RequestParam(required = false) String phone) {
            activities.cancel(id, new CancelInput(code, phone));
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/api/activities")
        ResponseEntity<ActivityJson> publish(@RequestBody JsonNode body, Authentication user) {
            NewActivity in = JsonBodies.read(json, body, NewActivity.class);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(ActivityJson.of(activities.publish(groups(user), user.getName(), in)));
        }

        @DeleteMapping("/api/activities/{id}")
        ResponseEntity<Void> withdraw(@PathVariable long id, Authentication user) {
            activities.withdraw(id, groups(user));
            return ResponseEntity.noContent().build();
        }

        @GetMapping("/api/activities/{id}/signups")
        List<Signup> signups(@PathVariable long id, Authentication user) {
            return activities.signups(id, groups(user));
        }

        @PostMapping("/api/activities/{id}/attendance")
        ResponseEntity<Void> attended(@PathVariable long id, @RequestBody JsonNode body, Authentication user) {
            activities.markAttended(id, JsonBodies.read(json, body, AttendanceInput.class), groups(user));
            return ResponseEntity.noContent().build();
        }

        @ExceptionHandler(ActivityNotFound.class)
        ResponseEntity<ApiError> notFound(ActivityNotFound e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(e.code(), e.getMessage()));
        }

        @ExceptionHandler(SignupConflict.class)
        ResponseEntity<ApiError> conflict(SignupConflict e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(e.code(), e.getMessage()));
        }

        private static Collection<String> groups(Authentication user) {
            return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        }
    }

    /** An activity on the page, with its time written for people. */
    public record Row(Activity activity, String when) {

        static Row of(Activity a) {
            return new Row(a, ActivityController.when(a.startsAt(), a.endsAt()));
        }
    }

    /** What a failed form ({@code signup} or {@code cancel}) held, shown again in the card of its activity. */
    public record Failed(long activityId, String form, String error, String name, String phone, String code) {
    }

    /** 12月1日（周一）09:30–11:30 */
    static String when(LocalDateTime starts, LocalDateTime ends) {
        return starts.getMonthValue() + "月" + starts.getDayOfMonth() + "日（"
                + starts.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA) + "）"
                + DateTimeFormatter.ofPattern("HH:mm").format(starts) + "–"
                + DateTimeFormatter.ofPattern("HH:mm").format(ends);
    }

    /**
     * Pages, anonymous: {@code GET /activities} lists upcoming activities with a sign-up and a cancel form
     * each; {@code POST /activities/{id}/signup} and {@code POST /activities/{id}/cancel} show the outcome on
     * {@code GET /activities/result}, or the list again with the error in the activity's card.
     */
    @Controller
    static class Page {
        private final ActivityService activities;
        private final ResidentQuota quota;

        Page(ActivityService activities, ResidentQuota quota) {
            this.activities = activities;
            this.quota = quota;
        }

        @GetMapping("/activities")
        String list(@RequestParam(required = false) String venue, Model model) {
            return list(venue, null, model);
        }

        @PostMapping("/activities/{id}/signup")
        String signUp(@PathVariable String id, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String phone, Model model, HttpServletRequest request,
                      HttpServletResponse response, RedirectAttributes redirect) {
            try {
                long activityId = activityId(id);
                SignupInput in = new SignupInput(name, phone);
                SignupResult result = quota.spend(ResidentQuota.Kind.SIGNUP, phone, request.getRemoteAddr(),
                        () -> activities.signUp(activityId, in));
                Activity activity = activities.get(activityId);
                redirect.addFlashAttribute("row", Row.of(activity));
                redirect.addFlashAttribute("signup", result);
                redirect.addFlashAttribute("name", in.name());
                return "redirect:/activities/result";
            } catch (ApiException | ActivityNotFound | SignupConflict e) {
                response.setStatus(status(e).value());
                return list(null, new Failed(parsedOrZero(id), "signup", FieldCodes.withoutCodes(e.getMessage()), name, phone, null), model);
            }
        }

        @PostMapping("/activities/{id}/cancel")
        String cancel(@PathVariable String id, @RequestParam(required = false) String code,
                      @RequestParam(required = false) String phone, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
            try {
                long activityId = activityId(id);
                activities.cancel(activityId, new CancelInput(code, phone));
                redirect.addFlashAttribute("row", Row.of(activities.get(activityId)));
                redirect.addFlashAttribute("cancelled", true);
                return "redirect:/activities/result";
            } catch (BadRequest | ActivityNotFound | SignupConflict e) {
                response.setStatus(status(e).value());
                return list(null, new Failed(parsedOrZero(id), "cancel", FieldCodes.withoutCodes(e.getMessage()), null, phone, code), model);
            }
        }

        @GetMapping("/activities/result")
        String result(Model model) {
            // the outcome comes as flash attributes of the form's redirect; reloaded later, there is none
            return model.containsAttribute("row") ? "activities/result" : "redirect:/activities";
        }

        private String list(String venue, Failed failed, Model model) {
            model.addAttribute("rows", activities.upcoming(venue).stream().map(Row::of).toList());
            model.addAttribute("failed", failed);
            model.addAttribute("venue", venue);
            return "activities/list";
        }

        private static long activityId(String id) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw new ActivityNotFound("activity_not_found", "活动不存在：" + id);
            }
        }

        private static long parsedOrZero(String id) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static HttpStatus status(RuntimeException e) {
            return e instanceof ActivityNotFound ? HttpStatus.NOT_FOUND
                    : e instanceof SignupConflict ? HttpStatus.CONFLICT
                    : e instanceof ApiException refused ? refused.status() : HttpStatus.BAD_REQUEST;
        }
    }
}
