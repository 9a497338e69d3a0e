package cn.lianban.venue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Conflict;
import cn.lianban.common.EngineClock;
import cn.lianban.common.NotFound;
import cn.lianban.common.RandomCode;
import cn.lianban.common.RequestBodies;
import cn.lianban.directory.Roles;
import cn.lianban.notify.SmsKind;
import cn.lianban.notify.SmsOutbox;
import cn.lianban.notify.SmsTexts;

/**
 * Books venues by the whole hour, for residents (public pages, API) and for units (e.g. a joint meeting).
 * The database keeps two bookings off the same hour: each booked hour is a row under a unique constraint.
 * Times are Beijing time ({@link EngineClock}). A resident hears by SMS when a booking is confirmed, approved,
 * refused or cancelled: the text is queued in the {@link SmsOutbox} in the transaction that changes the booking,
 * and kept on the booking as its {@code notice}.
 */
@Service
public class BookingService {

    public static final int MAX_HOURS = 4;
    /** How far ahead a booking may be made. */
    public static final int MAX_DAYS_AHEAD = 60;
    public static final Pattern MOBILE = Pattern.compile("^1\\d{10}$");
    static final int NAME_MAX = 32;
    static final int PURPOSE_MAX = 200;
    /** A managers' comment in the booker's SMS is cut to this many characters. */
    static final int COMMENT_MAX = 30;

    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final VenueRepository venues;
    private final BookingRepository bookings;
    private final BookingApprovals approvals;
    private final TransactionTemplate tx;
    private final RequestBodies requests;
    private final SmsOutbox sms;

    BookingService(VenueRepository venues, BookingRepository bookings, BookingApprovals approvals,
                   PlatformTransactionManager transactions, RequestBodies requests, SmsOutbox sms) {
        this.venues = venues;
        this.bookings = bookings;
        this.approvals = approvals;
        this.tx = new TransactionTemplate(transactions);
        this.requests = requests;
        this.sms = sms;
    }

    /**
     * Books the hours: ACTIVE at once (the booker is sent its confirmation), or PENDING with the hours held while
     * the venue's managers decide.
     *
     * @throws BadRequest when the request is incomplete or malformed, names no venue, is not for whole hours
     *                    within opening hours, lies in the past or too far ahead, or is longer than 4 hours
     * @throws Conflict   when one of the hours is held by another booking
     */
    public Booking book(BookingRequest request) {
        Venue venue = check(request);
        Booking draft = new Booking(newCode(request.start().toLocalDate()), venue.code(), request.start(),
                request.end(), request.name(), request.phone(),
                venue.needsApproval() ? BookingStatus.PENDING : BookingStatus.ACTIVE, blankToNull(request.purpose()),
                now(), null);
        Booking booking = venue.needsApproval() ? draft : draft.withNotice(text(draft, venue, " 已确认"));
        try {
            tx.executeWithoutResult(s -> {
                bookings.insert(booking);
                if (venue.needsApproval()) {
                    approvals.request(booking, venue);
                } else {
                    sms.send(booking.phone(), booking.notice(), SmsKind.BOOKING_CONFIRMED, booking.code());
                }
            });
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            throw taken(venue, booking);
        }
        return booking;
    }

    /**
     * Cancels a booking that has not begun; its hours become free and the booker is sent a confirmation of the
     * cancellation. A booking already cancelled or rejected stays as it is. A wrong phone number is answered like
     * an unknown code, so codes cannot be probed.
     *
     * @throws NotFound when there is no booking with this code and phone number
     * @throws Conflict when the booking has begun
     */
    public Booking cancel(String code, String phone) {
        Booking booking = find(code, phone);
        if (!booking.status().holdsHours()) {
            return booking;
        }
        if (!booking.start().isAfter(now())) {
            throw new Conflict("booking_started", "预约时段已开始，不能再取消（预约号 " + booking.code() + "）");
        }
        tx.executeWithoutResult(s -> {
            if (bookings.changeStatus(booking.code(), booking.status(), BookingStatus.CANCELLED)) {
                if (booking.status() == BookingStatus.PENDING) {
                    approvals.withdraw(booking);
                }
                tell(booking, text(booking, venue(booking.venueCode()), " 已取消，所订时段已释放"),
                        SmsKind.BOOKING_CANCELLED);
            }
        });
        return bookings.find(booking.code()).orElseThrow();
    }

    /** The booking with this code, if the phone number is the booker's. */
    public Booking find(String code, String phone) {
        if (phone == null || phone.isBlank()) {
            throw new BadRequest("missing_phone", "phone（预约时填写的手机号）不能为空");
        }
        return Optional.ofNullable(code).map(String::strip).flatMap(bookings::find)
                .filter(b -> b.phone().equals(phone.strip()))
                .orElseThrow(() -> new NotFound("unknown_booking", "没有找到该预约：请核对预约号（code）和手机号（phone）"));
    }

    /** Every bookable hour of the day with whether it is taken or past. */
    public List<Slot> slots(String venueCode, LocalDate day) {
        return slots(venue(venueCode), day);
    }

    public List<Slot> slots(Venue venue, LocalDate day) {
        Set<LocalDateTime> held = new HashSet<>(bookings.heldHours(venue.code(), day.atStartOfDay(),
                day.plusDays(1).atStartOfDay()));
        LocalDateTime now = now();
        return venue.hourStarts(day).stream()
                .map(h -> new Slot(h, h.plusHours(1), held.contains(h), h.isBefore(now))).toList();
    }

    /** The hours of the day that can still be booked. */
    public List<Slot> freeSlots(String venueCode, LocalDate day) {
        return slots(venueCode, day).stream().filter(Slot::free).toList();
    }

    /**
     * The venue a unit uses: the city center for {@code city-center}, the area's complex for
     * {@code area:<code>}, the venue with the most places for {@code street:<code>}, the community's center
     * (else its area's complex) for {@code community:<code>}.
     */
    public Optional<Venue> findVenueFor(String unitGroup) {
        if (unitGroup == null) {
            return Optional.empty();
        }
        if (unitGroup.equals(Roles.CITY_CENTER)) {
            return venues.cityCenter();
        }
        int colon = unitGroup.indexOf(':');
        String code = unitGroup.substring(colon + 1);
        return switch (colon < 0 ? "" : unitGroup.substring(0, colon)) {
            case "area" -> venues.areaComplex(code);
            case "street" -> venues.largestInStreet(code);
            case "community" -> venues.communityVenue(code);
            default -> Optional.empty();
        };
    }

    /**
     * A unit books the hours it chose at a venue (e.g. the time a convener picked for a joint meeting). No approval,
     * since a unit books its own or an open venue, and no phone: the unit is reached through its group. Empty when
     * an hour is taken (also by someone quicker meanwhile: the database's constraint decides), past, not on the hour
     * or outside opening hours.
     *
     * @throws NotFound when there is no such venue
     */
    public Optional<Booking> bookForUnitAt(String venueCode, String unitName, LocalDateTime start, int hours,
                                           String purpose) {
        Venue venue = venue(venueCode);
        if (!onTheHour(start) || start.isBefore(now()) || !venue.isOpen(start, start.plusHours(hours))) {
            return Optional.empty();
        }
        Booking booking = new Booking(newCode(start.toLocalDate()), venue.code(), start, start.plusHours(hours),
                unitName, "", BookingStatus.ACTIVE, purpose, now(), null);
        try {
            tx.executeWithoutResult(s -> bookings.insert(booking));
            return Optional.of(booking);
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            return Optional.empty();
        }
    }

    /** Where each run of {@code hours} free consecutive hours of the venue starts that day, from {@code from} on. */
    public List<LocalDateTime> freeStarts(String venueCode, LocalDate day, LocalDateTime from, int hours) {
        return freeStarts(venue(venueCode), day, from, hours);
    }

    private List<LocalDateTime> freeStarts(Venue venue, LocalDate day, LocalDateTime from, int hours) {
        List<Slot> slots = slots(venue, day);
        List<LocalDateTime> starts = new ArrayList<>();
        for (int i = 0; i + hours <= slots.size(); i++) {
            List<Slot> window = slots.subList(i, i + hours);
            LocalDateTime start = window.get(0).start();
            if (!start.isBefore(from) && window.stream().allMatch(Slot::free)
                    && window.get(hours - 1).end().equals(start.plusHours(hours))) {
                starts.add(start);
            }
        }
        return starts;
    }

    /**
     * Moves a unit's own booking (e.g. a joint meeting) to another start at the same venue, for as many hours: the
     * new hours are booked and the old ones freed together. Empty, with the old booking standing, when a new hour
     * is taken (also by someone quicker meanwhile), past, not on the hour or outside opening hours.
     */
    public Optional<Booking> moveForUnit(String code, LocalDateTime start) {
        Booking old = bookings.find(code)
                .orElseThrow(() -> new NotFound("unknown_booking", "没有找到该预约：" + code));
        Venue venue = venue(old.venueCode());
        LocalDateTime end = start.plusHours(old.hours());
        Set<LocalDateTime> ownHours = Set.copyOf(old.hourStarts());
        if (!onTheHour(start) || start.isBefore(now()) || !venue.isOpen(start, end)
                || !ownHours.containsAll(bookings.heldHours(venue.code(), start, end))) {
            return Optional.empty();
        }
        Booking moved = new Booking(newCode(start.toLocalDate()), venue.code(), start, end, old.name(), old.phone(),
                BookingStatus.ACTIVE, old.purpose(), now(), null);
        try {
            tx.executeWithoutResult(s -> {
                bookings.changeStatus(old.code(), old.status(), BookingStatus.CANCELLED);
                bookings.insert(moved);
            });
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            return Optional.empty();
        }
        return Optional.of(moved);
    }

    /**
     * Cancels a unit's own booking (one made by {@link #bookForUnitAt} or {@link #moveForUnit}, e.g. a joint meeting
     * that is off) that has not begun; its hours become free. False when there is no such booking, it holds no
     * hours any more, or it has begun.
     */
    public boolean cancelForUnit(String code) {
        return bookings.find(code)
                .filter(b -> (b.phone() == null || b.phone().isBlank()) && b.status() == BookingStatus.ACTIVE
                        && b.start().isAfter(now()))
                .map(b -> bookings.changeStatus(b.code(), BookingStatus.ACTIVE, BookingStatus.CANCELLED))
                .orElse(false);
    }

    /** The managers approved: the booking becomes ACTIVE, unless it was cancelled meanwhile. */
    public boolean approve(String code) {
        return bookings.changeStatus(code, BookingStatus.PENDING, BookingStatus.ACTIVE);
    }

    /** The managers said no, or did not decide in time: the booking is REJECTED and its hours are free again. */
    public boolean reject(String code) {
        return bookings.changeStatus(code, BookingStatus.PENDING, BookingStatus.REJECTED);
    }

    /**
     * Tells the booker the managers' decision (approved, or refused with the reason shortened and other people's
     * numbers masked): queues the SMS in the caller's transaction, keeps it on the booking, and returns it.
     */
    String tellDecision(String code, String comment) {
        Booking b = bookings.find(code).orElseThrow();
        Venue venue = venue(b.venueCode());
        String reason = SmsTexts.excerpt(comment, COMMENT_MAX);
        return switch (b.status()) {
            case ACTIVE -> tell(b, text(b, venue, " 已通过审批") + (reason == null ? "" : "审批意见：" + reason + "。"),
                    SmsKind.BOOKING_APPROVED);
            case REJECTED -> tell(b, text(b, venue, " 未获批准" + (reason == null ? "" : "（" + reason + "）")
                    + "，所订时段已释放"), SmsKind.BOOKING_REFUSED);
            // cancelled meanwhile (the booker was told then) or still waiting: nothing new to say
            case CANCELLED, PENDING -> b.notice();
        };
    }

    /**
     * 【联办】您预约的金沙东党群服务中心 12月3日 14:00–16:00 已确认，预约号 B-20261203-ABC234。No name and no
     * phone: the text goes to the booker's phone and carries only the booking.
     */
    private static String text(Booking b, Venue venue, String what) {
        return "【联办】您预约的" + venue.name() + " " + SmsTexts.period(b.start(), b.end()) + what + "，预约号 "
                + b.code() + "。";
    }

    /** Queues the text to the booker (a unit's own booking has no phone and is not told) and keeps it on the row. */
    private String tell(Booking b, String text, SmsKind kind) {
        bookings.setNotice(b.code(), text);
        if (b.phone() != null && !b.phone().isBlank()) {
            sms.send(b.phone(), text, kind, b.code());
        }
        return text;
    }

    Venue venue(String code) {
        return venues.find(code).orElseThrow(() -> new NotFound("unknown_venue", "没有编码为 " + code + " 的阵地"));
    }

    private Venue check(BookingRequest r) {
        if (r == null) {
            throw new BadRequest("missing_body", "缺少预约内容");
        }
        if (blankToNull(r.venueCode()) == null) {
            throw new BadRequest("missing_venue", "venueCode（阵地编码）不能为空");
        }
        requests.valid(r);
        if (r.phone() == null || !MOBILE.matcher(r.phone()).matches()) {
            throw new BadRequest("bad_phone", "phone（手机号）须为 1 开头的 11 位手机号码");
        }
        Venue venue = venues.find(r.venueCode()).orElseThrow(() ->
                new BadRequest("unknown_venue", "venueCode（阵地编码）" + r.venueCode() + " 不存在"));
        if (!onTheHour(r.start()) || !onTheHour(r.end())) {
            throw new BadRequest("not_whole_hours", "start 和 end（开始、结束时间）须为整点，如 09:00");
        }
        if (!r.end().isAfter(r.start())) {
            throw new BadRequest("bad_end", "end（结束时间）须晚于 start（开始时间）");
        }
        if (r.start().plusHours(MAX_HOURS).isBefore(r.end())) {
            throw new BadRequest("too_long", "单次预约最多 " + MAX_HOURS + " 小时（start 至 end）");
        }
        LocalDateTime now = now();
        if (r.start().isBefore(now)) {
            throw new BadRequest("in_past", "start（开始时间）已过，只能预约今后的整点时段");
        }
        if (r.start().toLocalDate().isAfter(now.toLocalDate().plusDays(MAX_DAYS_AHEAD))) {
            throw new BadRequest("too_far_ahead", "start（开始时间）最多提前 " + MAX_DAYS_AHEAD + " 天预约");
        }
        if (!venue.isOpen(r.start(), r.end())) {
            throw new BadRequest("outside_opening_hours", "start 至 end 须在" + venue.name() + "的开放时间 "
                    + venue.hoursText() + " 内");
        }
        return venue;
    }

    private Conflict taken(Venue venue, Booking wanted) {
        Set<LocalDateTime> held = new HashSet<>(bookings.heldHours(venue.code(), wanted.start(), wanted.end()));
        List<String> hours = wanted.hourStarts().stream().filter(held::contains)
                .map(h -> Booking.period(h, h.plusHours(1))).toList();
        return new Conflict("slot_taken", venue.name() + " 所选时段已被预约："
                + (hours.isEmpty() ? wanted.period() : String.join("、", hours)) + "，请另选时段");
    }

    private String newCode(LocalDate day) {
        String code;
        do {
            code = RandomCode.of("B-" + CODE_DAY.format(day) + "-", 6);
        } while (bookings.exists(code));
        return code;
    }

    private static boolean onTheHour(LocalDateTime t) {
        return t.getMinute() == 0 && t.getSecond() == 0 && t.getNano() == 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static LocalDateTime now() {
        return EngineClock.now().toLocalDateTime();
    }
}
