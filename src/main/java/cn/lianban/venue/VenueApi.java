package cn.lianban.venue;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.lianban.common.RequestBodies;
import cn.lianban.common.ResidentQuota;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The resident API of venues and bookings (anonymous): search, free hours, booking and cancelling, and the
 * monthly usage figures. Refusals carry the contract's error body (common.ApiErrors): 400 bad input,
 * 404 unknown venue or booking (also a booking code with another phone number), 409 an hour already taken,
 * 429 too many bookings from one phone number or address ({@link ResidentQuota}).
 */
@RestController
class VenueApi {

    private final VenueSearch search;
    private final BookingService bookings;
    private final VenueUsage usage;
    private final ResidentQuota quota;
    private final RequestBodies bodies;

    VenueApi(VenueSearch search, BookingService bookings, VenueUsage usage, ResidentQuota quota,
             RequestBodies bodies) {
        this.search = search;
        this.bookings = bookings;
        this.usage = usage;
        this.quota = quota;
        this.bodies = bodies;
    }

    /** All venues, or with lat and lon those within radius metres (default 1200), nearest first. */
    @GetMapping("/api/venues")
    List<VenueJson> venues(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                           @RequestParam(required = false) String radius,
                           @RequestParam(required = false) String function) {
        return search.search(search.query(lat, lon, radius, function)).stream()
                .map(VenueJson::of).toList();
    }

    @GetMapping("/api/venues/{code}")
    VenueJson venue(@PathVariable String code) {
        return VenueJson.of(new VenueSearch.Found(bookings.venue(code), null));
    }

    /** The bookable hours of a day (default today), each free, taken or past. */
    @GetMapping("/api/venues/{code}/slots")
    SlotsJson slots(@PathVariable String code, @RequestParam(required = false) String date) {
        Venue venue = bookings.venue(code);
        LocalDate day = VenueInputs.day(date);
        return new SlotsJson(venue.code(), day, venue.opens().toString(), venue.closes().toString(),
                bookings.slots(venue, day).stream().map(SlotJson::of).toList());
    }

    /** Bookings, booked hours and 使用率 of a month (default this month). */
    @GetMapping("/api/venues/{code}/usage")
    VenueUsage.Usage usage(@PathVariable String code, @RequestParam(required = false) String month) {
        return usage.of(bookings.venue(code), VenueInputs.month(month));
    }

    @PostMapping("/api/bookings")
    ResponseEntity<BookingJson> book(@RequestBody JsonNode json, HttpServletRequest request) {
        BookingBody body = bodies.read(json, BookingBody.class);
        Booking booking = quota.spend(ResidentQuota.Kind.BOOKING, body.phone(), request.getRemoteAddr(),
                () -> bookings.book(new BookingRequest(body.venueCode(),
                        VenueInputs.dateTime(body.start(), "start", "开始时间"),
                        VenueInputs.dateTime(body.end(), "end", "结束时间"), body.name(), body.phone(),
                        body.purpose())));
        return ResponseEntity.created(URI.create("/api/bookings/" + booking.code()))
                .body(BookingJson.of(booking, bookings.venue(booking.venueCode())));
    }

    /** A booking as its booker sees it (status, and the SMS text once the managers have decided). */
    @GetMapping("/api/bookings/{code}")
    BookingJson booking(@PathVariable String code, @RequestParam(required = false) String phone) {
        Booking booking = bookings.find(code, phone);
        return BookingJson.of(booking, bookings.venue(booking.venueCode()));
    }

    @DeleteMapping("/api/bookings/{code}")
    ResponseEntity<Void> cancel(@PathVariable String code, @RequestParam(required = false) String phone) {
        bookings.cancel(code, phone);
        return ResponseEntity.noContent().build();
    }

    /**
     * Body of POST /api/bookings, read strictly; times as text, so that a bad one is answered naming its field.
     * What it asks for is checked as a {@link BookingRequest} by {@link BookingService#book}, which the pages share.
     */
    record BookingBody(String venueCode, String start, String end, String name, String phone, String purpose) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VenueJson(String code, String name, int level, String levelName, List<String> functions, double lat,
                     double lon, String address, String opens, String closes, int capacity, boolean needsApproval,
                     String navigationUrl, Long distanceMeters, Integer walkMinutes) {

        static VenueJson of(VenueSearch.Found found) {
            Venue v = found.venue();
            return new VenueJson(v.code(), v.name(), v.level(), v.levelName(), v.functions(), v.lat(), v.lon(),
                    v.address(), v.opens().toString(), v.closes().toString(), v.capacity(), v.needsApproval(),
                    Geo.amapMarkerUri(v.name(), v.lat(), v.lon()), found.meters(), found.walkMinutes());
        }
    }

    record SlotsJson(String venueCode, LocalDate date, String opens, String closes, List<SlotJson> slots) {
    }

    record SlotJson(LocalDateTime start, LocalDateTime end, boolean free, boolean taken, boolean past) {
        static SlotJson of(Slot s) {
            return new SlotJson(s.start(), s.end(), s.free(), s.taken(), s.past());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BookingJson(String code, String venueCode, String venueName, LocalDateTime start, LocalDateTime end,
                       int hours, String name, String phone, BookingStatus status, String statusLabel,
                       String purpose, String notice) {
        static BookingJson of(Booking b, Venue v) {
            return new BookingJson(b.code(), b.venueCode(), v.name(), b.start(), b.end(), b.hours(), b.name(),
                    b.maskedPhone(), b.status(), b.status().label(), b.purpose(), b.notice());
        }
    }
}
