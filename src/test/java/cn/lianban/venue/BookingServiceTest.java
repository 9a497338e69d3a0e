package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.Conflict;
import cn.lianban.common.NotFound;

/** Booking rules on H2 without Spring; the clock stands at Monday 2026-03-02 08:00 Beijing time. */
class BookingServiceTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 8, 0);
    static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    static final String PHONE = "13912345678";

    static VenueDb db;
    static Venue center;
    BookingService service;

    @BeforeAll
    static void migrate() {
        db = VenueDb.h2();
        center = db.communityCenter();
    }

    @AfterAll
    static void shutDown() {
        db.jdbc.execute("SHUTDOWN");
    }

    @BeforeEach
    void clock() {
        VenueDb.clockAt(NOW);
        service = db.bookings;
    }

    @AfterEach
    void resetClock() {
        VenueDb.resetClock();
    }

    @Test
    void overlappingHoursConflictAdjacentOnesDoNotAndCancellingFreesThem() {
        LocalDate day = TUESDAY;
        Booking first = book(center, day.atTime(10, 0), day.atTime(12, 0));
        assertThat(first.code()).matches("B-20260303-[2-9A-HJKMNP-Z]{6}");
        assertThat(first.status()).isEqualTo(BookingStatus.ACTIVE);
        assertThat(held(center)).isEqualTo(2);

        int bookings = db.count("SELECT COUNT(*) FROM booking");
        assertThatThrownBy(() -> book(center, day.atTime(11, 0), day.atTime(13, 0)))
                .isInstanceOf(Conflict.class).hasMessageContaining("11:00–12:00")
                .extracting(e -> ((ApiException) e).code()).isEqualTo("slot_taken");
        assertThatThrownBy(() -> book(center, day.atTime(9, 0), day.atTime(13, 0))).isInstanceOf(Conflict.class);
        assertThat(db.count("SELECT COUNT(*) FROM booking")).as("a refused booking leaves nothing").isEqualTo(bookings);
        assertThat(held(center)).isEqualTo(2);

        book(center, day.atTime(12, 0), day.atTime(13, 0));
        book(center, day.atTime(9, 0), day.atTime(10, 0));
        assertThat(service.slots(center.code(), day)).filteredOn(Slot::taken).extracting(s -> s.start().getHour())
                .containsExactly(9, 10, 11, 12);

        assertThatThrownBy(() -> service.cancel(first.code(), "13900000000")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.cancel("B-20260303-XXXXXX", PHONE)).isInstanceOf(NotFound.class);
        assertThat(service.cancel(first.code(), PHONE).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(service.cancel(first.code(), " " + PHONE + " ").status()).as("again: nothing changes")
                .isEqualTo(BookingStatus.CANCELLED);
        assertThat(service.freeSlots(center.code(), day)).extracting(s -> s.start().getHour()).contains(10, 11);
        assertThat(book(center, day.atTime(10, 0), day.atTime(11, 0)).status()).isEqualTo(BookingStatus.ACTIVE);
    }

    @Test
    void slotsOfTodayBeforeNowArePastAndABegunBookingCannotBeCancelled() {
        VenueDb.clockAt(LocalDateTime.of(2026, 3, 4, 8, 0));
        Venue corner = db.venues.all().stream().filter(v -> v.level() == Venue.BUILDING).findFirst().orElseThrow();
        Booking nine = book(corner, LocalDate.of(2026, 3, 4).atTime(9, 0), LocalDate.of(2026, 3, 4).atTime(10, 0));

        VenueDb.clockAt(LocalDateTime.of(2026, 3, 4, 10, 30));
        var slots = service.slots(corner.code(), LocalDate.of(2026, 3, 4));
        assertThat(slots).extracting(s -> s.start().getHour()).containsExactly(9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(slots).filteredOn(Slot::past).hasSize(2);
        assertThat(slots.get(0).taken()).isTrue();
        assertThat(service.freeSlots(corner.code(), LocalDate.of(2026, 3, 4))).extracting(s -> s.start().getHour())
                .containsExactly(11, 12, 13, 14, 15, 16);
        assertThatThrownBy(() -> service.cancel(nine.code(), PHONE)).isInstanceOf(Conflict.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("booking_started");
    }

    static Stream<Arguments> badRequests() {
        LocalDate d = TUESDAY;
        return Stream.of(
                Arguments.of("missing_venue", null, d.atTime(10, 0), d.atTime(11, 0), "张三", PHONE),
                Arguments.of("unknown_venue", "V-NOPE", d.atTime(10, 0), d.atTime(11, 0), "张三", PHONE),
                Arguments.of("missing_start", "", null, d.atTime(11, 0), "张三", PHONE),
                Arguments.of("missing_end", "", d.atTime(10, 0), null, "张三", PHONE),
                Arguments.of("not_whole_hours", "", d.atTime(10, 30), d.atTime(11, 30), "张三", PHONE),
                Arguments.of("bad_end", "", d.atTime(11, 0), d.atTime(10, 0), "张三", PHONE),
                Arguments.of("bad_end", "", d.atTime(11, 0), d.atTime(11, 0), "张三", PHONE),
                Arguments.of("too_long", "", d.atTime(9, 0), d.atTime(14, 0), "张三", PHONE),
                Arguments.of("in_past", "", NOW.minusHours(2), NOW.minusHours(1), "张三", PHONE),
                Arguments.of("too_far_ahead", "", d.plusDays(70).atTime(10, 0), d.plusDays(70).atTime(11, 0), "张三",
                        PHONE),
                Arguments.of("outside_opening_hours", "", d.atTime(8, 0), d.atTime(9, 0), "张三", PHONE),
                Arguments.of("outside_opening_hours", "", d.atTime(19, 0), d.atTime(21, 0), "张三", PHONE),
                Arguments.of("outside_opening_hours", "", d.atTime(22, 0), d.plusDays(1).atTime(1, 0), "张三", PHONE),
                Arguments.of("missing_name", "", d.atTime(10, 0), d.atTime(11, 0), "  ", PHONE),
                Arguments.of("name_too_long", "", d.atTime(10, 0), d.atTime(11, 0), "张".repeat(33), PHONE),
                Arguments.of("bad_phone", "", d.atTime(10, 0), d.atTime(11, 0), "张三", "1391234567"),
                Arguments.of("bad_phone", "", d.atTime(10, 0), d.atTime(11, 0), "张三", "23912345678"),
                Arguments.of("bad_phone", "", d.atTime(10, 0), d.atTime(11, 0), "张三", "139-1234-5678"),
                Arguments.of("bad_phone", "", d.atTime(10, 0), d.atTime(11, 0), "张三", null));
    }

    /** {@code venue} "" stands for the community center. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsAreRefusedNamingTheFieldAndStoreNothing(String code, String venue, LocalDateTime start,
                                                            LocalDateTime end, String name, String phone) {
        int bookings = db.count("SELECT COUNT(*) FROM booking");
        int slots = db.count("SELECT COUNT(*) FROM booking_slot");
        assertThatThrownBy(() -> service.book(new BookingRequest("".equals(venue) ? center.code() : venue, start, end,
                name, phone))).isInstanceOf(BadRequest.class).satisfies(e -> {
                    assertThat(((BadRequest) e).code()).isEqualTo(code);
                    assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
                });
        assertThat(db.count("SELECT COUNT(*) FROM booking")).isEqualTo(bookings);
        assertThat(db.count("SELECT COUNT(*) FROM booking_slot")).isEqualTo(slots);
    }

    @Test
    void aVenueThatNeedsApprovalHoldsTheHoursWhilePendingAndFreesThemWhenRejected() {
        Venue city = db.venues.cityCenter().orElseThrow();
        LocalDate day = TUESDAY.plusDays(1);
        Booking pending = book(city, day.atTime(14, 0), day.atTime(16, 0));
        assertThat(pending.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(db.requested).contains(pending.code());
        assertThatThrownBy(() -> book(city, day.atTime(15, 0), day.atTime(16, 0))).isInstanceOf(Conflict.class);

        assertThat(service.reject(pending.code())).isTrue();
        // the text changed with issue #14: no greeting by name, the day in Chinese (no ISO date), sent by SMS
        assertThat(service.tellDecision(pending.code(), "场地检修")).isEqualTo("【联办】您预约的市党群服务中心 "
                + "3月4日 14:00–16:00 未获批准（场地检修），所订时段已释放，预约号 " + pending.code() + "。");
        assertThat(service.find(pending.code(), PHONE).notice()).contains("未获批准");
        assertThat(service.approve(pending.code())).as("decided already").isFalse();
        assertThat(held(city)).isZero();

        Booking second = book(city, day.atTime(15, 0), day.atTime(16, 0));
        assertThat(service.approve(second.code())).isTrue();
        assertThat(service.tellDecision(second.code(), null)).contains("已通过审批，预约号 " + second.code());
        Booking third = book(city, day.atTime(17, 0), day.atTime(18, 0));
        service.cancel(third.code(), PHONE);
        assertThat(db.withdrawn).containsExactly(third.code());
        assertThat(service.approve(third.code())).as("cancelled meanwhile").isFalse();
    }

    @Test
    void aUnitCancelsItsOwnBookingBeforeItBeginsAndOnlyThat() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        // a venue of its own, as the other tests count what the community center holds
        Venue venue = db.venues.all().stream().filter(v -> v.level() == Venue.BUILDING).skip(1).findFirst()
                .orElseThrow();
        Booking meeting = service.bookForUnitAt(venue.code(), "东莱北片区联合党委", friday.atTime(14, 0), 2, "联席会议")
                .orElseThrow();
        Booking resident = book(venue, friday.atTime(9, 0), friday.atTime(10, 0));

        assertThat(service.cancelForUnit(resident.code())).as("a resident's booking is the resident's to cancel")
                .isFalse();
        assertThat(service.cancelForUnit("B-20260306-XXXXXX")).isFalse();
        assertThat(service.cancelForUnit(meeting.code())).isTrue();
        assertThat(service.freeSlots(venue.code(), friday)).extracting(s -> s.start().getHour()).contains(14, 15)
                .doesNotContain(9);
        assertThat(service.cancelForUnit(meeting.code())).as("again: nothing to free").isFalse();

        Booking later = service.bookForUnitAt(venue.code(), "东莱北片区联合党委", friday.atTime(14, 0), 2, "联席会议")
                .orElseThrow();
        VenueDb.clockAt(friday.atTime(14, 30));
        assertThat(service.cancelForUnit(later.code())).as("a meeting begun stays booked").isFalse();
    }

    @Test
    void aUnitsVenue() {
        assertThat(service.findVenueFor("city-center")).get().extracting(Venue::code).isEqualTo("V-CITY");
        assertThat(service.findVenueFor("area:A-DL-1")).get().extracting(Venue::code).isEqualTo("V-A-DL-1");
        Venue street = service.findVenueFor("street:S-LG").orElseThrow();
        assertThat(street.areaCode()).isIn("A-LG-6", "A-LG-7");
        assertThat(db.venues.all()).filteredOn(v -> "A-LG-6".equals(v.areaCode()) || "A-LG-7".equals(v.areaCode()))
                .allMatch(v -> v.capacity() <= street.capacity());
        assertThat(service.findVenueFor("community:" + center.communityCode())).contains(center);
        String without = db.jdbc.queryForObject("SELECT MIN(c.code) FROM community c WHERE NOT EXISTS (SELECT 1 FROM"
                + " venue v WHERE v.level = 3 AND v.community_code = c.code)", String.class);
        assertThat(service.findVenueFor("community:" + without)).get().extracting(Venue::level).isEqualTo(2);
        assertThat(service.findVenueFor("dept:housing")).isEmpty();
        assertThat(service.findVenueFor("area:A-NOPE")).isEmpty();
        assertThat(service.findVenueFor(null)).isEmpty();
    }

    @Test
    void eachResidentIsToldOnTheirOwnPhoneWithTheBookingAndNoNameOrOtherPhone() {
        Venue venue = db.communityCenter(3);
        LocalDate day = TUESDAY.plusDays(7);
        Booking mine = book(venue, day.atTime(14, 0), day.atTime(16, 0));
        Booking theirs = service.book(new BookingRequest(venue.code(), day.atTime(9, 0), day.atTime(10, 0), "李四",
                "13600001111", "读书会"));
        service.cancel(mine.code(), PHONE);
        Booking unit = service.bookForUnitAt(venue.code(), "大联社区", day.atTime(18, 0), 1, "联席会议").orElseThrow();

        String about = "【联办】您预约的" + venue.name() + " 3月10日 ";
        assertThat(db.sms(mine.code())).containsExactly(
                List.of("BOOKING_CONFIRMED", PHONE, about + "14:00–16:00 已确认，预约号 " + mine.code() + "。"),
                List.of("BOOKING_CANCELLED", PHONE, about + "14:00–16:00 已取消，所订时段已释放，预约号 " + mine.code() + "。"));
        assertThat(db.sms(theirs.code())).containsExactly(
                List.of("BOOKING_CONFIRMED", "13600001111", about + "09:00–10:00 已确认，预约号 " + theirs.code() + "。"));
        assertThat(db.sms(unit.code())).as("a unit's own booking has no phone to tell").isEmpty();
        assertThat(service.find(mine.code(), PHONE).notice()).as("the last text is kept on the booking")
                .contains("已取消");
        for (String text : db.jdbc.queryForList("SELECT body FROM sms_outbox", String.class)) {
            assertThat(text).doesNotContain("张三", "李四", PHONE, "13600001111").doesNotContainPattern("\\d{4}-\\d{2}-");
        }

        db.sms.sendPending();
        assertThat(db.smsDelivered).contains(List.of(PHONE, about + "14:00–16:00 已确认，预约号 " + mine.code() + "。"),
                List.of("13600001111", about + "09:00–10:00 已确认，预约号 " + theirs.code() + "。"));
    }

    @Test
    void aBookingRolledBackWritesNoSms() {
        Venue venue = db.communityCenter(4);
        LocalDate day = TUESDAY.plusDays(8);
        int before = db.count("SELECT COUNT(*) FROM sms_outbox");
        // the caller's transaction fails after the booking: the booking and its SMS go together
        new TransactionTemplate(new DataSourceTransactionManager(db.jdbc.getDataSource())).executeWithoutResult(tx -> {
            book(venue, day.atTime(10, 0), day.atTime(11, 0));
            assertThat(db.count("SELECT COUNT(*) FROM sms_outbox")).isEqualTo(before + 1);
            tx.setRollbackOnly();
        });
        assertThat(db.count("SELECT COUNT(*) FROM sms_outbox")).isEqualTo(before);
        assertThat(db.count("SELECT COUNT(*) FROM booking WHERE venue_code = ?", venue.code())).isZero();
        // a refused booking (an hour taken) writes none either
        book(venue, day.atTime(10, 0), day.atTime(11, 0));
        assertThatThrownBy(() -> book(venue, day.atTime(10, 0), day.atTime(12, 0))).isInstanceOf(Conflict.class);
        assertThat(db.count("SELECT COUNT(*) FROM sms_outbox")).isEqualTo(before + 1);
    }

    private Booking book(Venue venue, LocalDateTime start, LocalDateTime end) {
        return service.book(new BookingRequest(venue.code(), start, end, "张三", PHONE, "楼栋议事"));
    }

    private static int held(Venue venue) {
        return db.count("SELECT COUNT(*) FROM booking_slot WHERE venue_code = ?", venue.code());
    }
}
