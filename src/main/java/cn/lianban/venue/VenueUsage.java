package cn.lianban.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * How much each venue is used in a month, from the bookings: ACTIVE bookings starting in the month, the hours
 * they hold, and 使用率 = booked hours ÷ bookable hours (the whole hours within opening hours, every day of the
 * month). Further figures (activities, attendance) come from {@link VenueUsageFigures} beans.
 */
@Service
public class VenueUsage {

    private final VenueRepository venues;
    private final BookingRepository bookings;
    private final List<VenueUsageFigures> more;

    VenueUsage(VenueRepository venues, BookingRepository bookings, ObjectProvider<VenueUsageFigures> more) {
        this.venues = venues;
        this.bookings = bookings;
        this.more = more.orderedStream().toList();
    }

    public Usage of(Venue venue, YearMonth month) {
        return usage(venue, month, active(venue.code(), month), more(month));
    }

    /** Every venue's usage in the month, by level and code. */
    public List<Usage> all(YearMonth month) {
        Map<String, List<Booking>> byVenue = active(null, month).stream()
                .collect(Collectors.groupingBy(Booking::venueCode));
        List<Function<String, Map<String, Number>>> more = more(month);
        return venues.all().stream().map(v -> usage(v, month, byVenue.getOrDefault(v.code(), List.of()), more))
                .toList();
    }

    private List<Function<String, Map<String, Number>>> more(YearMonth month) {
        return more.stream().map(m -> m.figures(month)).toList();
    }

    private Usage usage(Venue venue, YearMonth month, List<Booking> active,
                        List<Function<String, Map<String, Number>>> more) {
        long booked = active.stream().mapToLong(Booking::hours).sum();
        long open = (long) venue.hourStarts(month.atDay(1)).size() * month.lengthOfMonth();
        double rate = open == 0 ? 0 : BigDecimal.valueOf(booked).divide(BigDecimal.valueOf(open), 4,
                RoundingMode.HALF_UP).doubleValue();
        Map<String, Number> extra = new LinkedHashMap<>();
        more.forEach(m -> extra.putAll(m.apply(venue.code())));
        return new Usage(venue.code(), venue.name(), venue.communityCode(), month.toString(), active.size(), booked, open, rate, extra);
    }

    private List<Booking> active(String venueCode, YearMonth month) {
        return bookings.starting(BookingStatus.ACTIVE, venueCode, month.atDay(1).atStartOfDay(),
                month.plusMonths(1).atDay(1).atStartOfDay());
    }

    /**
     * @param communityCode the community the venue belongs to; null for a street, area or city venue
     * @param occupancyRate 使用率, 0..1 to four decimals
     * @param extra         figures of other modules ({@link VenueUsageFigures})
     */
    public record Usage(String venueCode, String venueName, String communityCode, String month, long bookings, long bookedHours,
                        long openHours, double occupancyRate, Map<String, Number> extra) {
    }
}
