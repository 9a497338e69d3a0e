package cn.lianban.venue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.EngineClock;
import cn.lianban.common.ResidentQuota;
import cn.lianban.directory.Area;
import cn.lianban.directory.Community;
import cn.lianban.directory.CommunityChoice;
import cn.lianban.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The residents' pages, anonymous and phone-sized: find a venue by function and walking distance, see a day's
 * free hours, navigate there, book, and cancel. Forms post to these pages, which call {@link BookingService}
 * like the API does; a refusal is shown on the page with the API's status code.
 */
@Controller
class VenuePages {

    private final VenueSearch search;
    private final BookingService bookings;
    private final VenueRepository venues;
    private final Directory directory;
    private final ResidentQuota quota;

    VenuePages(VenueSearch search, BookingService bookings, VenueRepository venues, Directory directory,
               ResidentQuota quota) {
        this.search = search;
        this.bookings = bookings;
        this.venues = venues;
        this.directory = directory;
        this.quota = quota;
    }

    /** Search; {@code from} is a community to start from when there is no lat/lon (e.g. no location on a PC). */
    @GetMapping("/venues")
    String search(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                  @RequestParam(required = false) String radius, @RequestParam(required = false) String function,
                  @RequestParam(required = false) String from, Model model, HttpServletResponse response) {
        model.addAttribute("communitiesByStreet", CommunityChoice.byStreet(directory));
        model.addAttribute("functions", venues.functionNames());
        model.addAttribute("lat", lat);
        model.addAttribute("lon", lon);
        model.addAttribute("function", function);
        model.addAttribute("from", from);
        try {
            if (from != null && !from.isBlank() && (lat == null || lat.isBlank())) {
                Community start = directory.community(from.strip())
                        .orElseThrow(() -> new BadRequest("unknown_community", "出发地社区 " + from + " 不存在"));
                lat = String.valueOf(start.lat());
                lon = String.valueOf(start.lon());
            }
            VenueSearch.Query query = search.query(lat, lon, radius, function);
            model.addAttribute("radius", query.radius());
            model.addAttribute("near", query.near());
            model.addAttribute("results", search.search(query));
        } catch (ApiException e) {
            refused(e, model, response);
            model.addAttribute("radius", VenueSearch.DEFAULT_RADIUS);
            model.addAttribute("results", List.of());
        }
        return "venues/search";
    }

    @GetMapping("/venues/{code}")
    String venue(@PathVariable String code, @RequestParam(required = false) String date, Model model,
                 HttpServletResponse response) {
        LocalDate day;
        try {
            day = VenueInputs.day(date);
        } catch (ApiException e) {
            refused(e, model, response);
            day = EngineClock.now().toLocalDate();
        }
        return detail(code, day, new BookingForm(null, 1, null, null, null), model, response);
    }

    @PostMapping("/venues/{code}/bookings")
    String book(@PathVariable String code, @RequestParam(required = false) String date,
                @RequestParam(required = false) String startHour, @RequestParam(required = false) String hours,
                @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String purpose, Model model, RedirectAttributes redirect,
                HttpServletRequest request, HttpServletResponse response) {
        LocalDate day = EngineClock.now().toLocalDate();
        BookingForm form = new BookingForm(startHour, 1, name, phone, purpose);
        try {
            day = VenueInputs.day(date);
            form = new BookingForm(startHour, hours(hours), name, phone, purpose);
            var start = day.atTime(startHour(startHour));
            BookingRequest wanted = new BookingRequest(code, start, start.plusHours(form.hours()), name, phone,
                    purpose);
            Booking booking = quota.spend(ResidentQuota.Kind.BOOKING, phone, request.getRemoteAddr(),
                    () -> bookings.book(wanted));
            redirect.addFlashAttribute("booking", booking);
            redirect.addFlashAttribute("venue", bookings.venue(booking.venueCode()));
            return "redirect:/bookings/confirmation";
        } catch (ApiException e) {
            refused(e, model, response);
            return detail(code, day, form, model, response);
        }
    }

    /** After a booking: its code, to keep for cancelling. Reached only by the redirect that carries it. */
    @GetMapping("/bookings/confirmation")
    String confirmation(Model model) {
        return model.containsAttribute("booking") ? "venues/booked" : "redirect:/venues";
    }

    @GetMapping("/bookings/cancel")
    String cancelForm(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code);
        return "venues/cancel";
    }

    @PostMapping("/bookings/cancel")
    String cancel(@RequestParam(required = false) String code, @RequestParam(required = false) String phone,
                  Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        model.addAttribute("phone", phone);
        try {
            if (code == null || code.isBlank()) {
                throw new BadRequest("missing_code", "请填写预约号");
            }
            Booking booking = bookings.cancel(code, phone);
            model.addAttribute("booking", booking);
            model.addAttribute("venue", bookings.venue(booking.venueCode()));
        } catch (ApiException e) {
            refused(e, model, response);
        }
        return "venues/cancel";
    }

    private String detail(String code, LocalDate day, BookingForm form, Model model, HttpServletResponse response) {
        Venue venue;
        try {
            venue = bookings.venue(code);
        } catch (ApiException e) {
            refused(e, model, response);
            return "venues/missing";
        }
        List<Slot> slots = bookings.slots(venue, day);
        LocalDate today = EngineClock.now().toLocalDate();
        Map<String, String> names = venues.functionNames();
        model.addAttribute("venue", venue);
        model.addAttribute("functionNames", venue.functions().stream().map(f -> names.getOrDefault(f, f)).toList());
        model.addAttribute("navigationUrl", Geo.amapMarkerUri(venue.name(), venue.lat(), venue.lon()));
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        model.addAttribute("lastDay", today.plusDays(BookingService.MAX_DAYS_AHEAD));
        model.addAttribute("slots", slots);
        model.addAttribute("freeSlots", slots.stream().filter(Slot::free).toList());
        model.addAttribute("maxHours", BookingService.MAX_HOURS);
        model.addAttribute("form", form);
        return "venues/detail";
    }

    private static void refused(ApiException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("error", e.getMessage());
    }

    private static int hours(String value) {
        try {
            int h = Integer.parseInt(value == null ? "" : value.strip());
            if (h >= 1 && h <= BookingService.MAX_HOURS) {
                return h;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("bad_hours", "时长须为 1 到 " + BookingService.MAX_HOURS + " 小时");
    }

    private static LocalTime startHour(String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("missing_start", "请选择开始时间");
        }
    }

    /** What the booking form shows again after a refusal. */
    record BookingForm(String startHour, int hours, String name, String phone, String purpose) {
    }
}
