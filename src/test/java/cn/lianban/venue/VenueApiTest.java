package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.Distance;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.support.LianbanTest;

/** The resident API over HTTP, anonymous; the clock stands at Monday 2026-06-01 08:00. */
@LianbanTest
class VenueApiTest {

    static final String DAY = "2026-06-02";
    static final String PHONE = "13611112222";
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    VenueRepository venues;
    @Autowired
    Directory directory;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clock() {
        VenueDb.clockAt(LocalDateTime.of(2026, 6, 1, 8, 0));
    }

    @AfterEach
    void resetClock() {
        VenueDb.resetClock();
    }

    @Test
    void allVenuesWithTheContractFields() {
        List<Map<String, Object>> all = rest.exchange("/api/venues", HttpMethod.GET, null, LIST).getBody();
        // other tests of the shared context add venues of their own (codes T-…); the demo's are V-…
        assertThat(all).filteredOn(v -> v.get("code").toString().startsWith("V-"))
                .hasSize(DemoVenueGenerator.DEMO_VENUES);
        assertThat(all.get(0)).containsEntry("code", "V-CITY").containsEntry("level", 1)
                .containsKeys("name", "functions", "lat", "lon", "address").doesNotContainKey("distanceMeters");
        assertThat(all).allSatisfy(v -> assertThat(v.get("functions")).isInstanceOf(List.class));
        assertThat((String) all.get(0).get("navigationUrl")).startsWith("https://uri.amap.com/marker?position=")
                .endsWith("&coordinate=gaode&callnative=1");
    }

    @Test
    void nearbyVenuesNearestFirstWithinTheRadiusAndByFunction() {
        Venue center = venues.all().stream().filter(v -> v.level() == Venue.COMMUNITY && v.communityCode() != null)
                .findFirst().orElseThrow();
        Community c = directory.community(center.communityCode()).orElseThrow();
        List<Map<String, Object>> near = rest.exchange("/api/venues?lat={lat}&lon={lon}", HttpMethod.GET, null, LIST,
                c.lat(), c.lon()).getBody();
        assertThat(near).isNotEmpty().extracting(v -> v.get("code")).contains(center.code());
        List<Long> distances = near.stream().map(v -> ((Number) v.get("distanceMeters")).longValue()).toList();
        assertThat(distances).isSorted().allMatch(d -> d <= 1200);
        long expected = Math.round(Distance.meters(c.lat(), c.lon(), center.lat(), center.lon()));
        assertThat(near).filteredOn(v -> v.get("code").equals(center.code())).singleElement()
                .satisfies(v -> assertThat(((Number) v.get("distanceMeters")).longValue()).isEqualTo(expected));

        List<Map<String, Object>> wide = rest.exchange("/api/venues?lat={lat}&lon={lon}&radius=3000&function=library",
                HttpMethod.GET, null, LIST, c.lat(), c.lon()).getBody();
        assertThat(wide).allSatisfy(v -> assertThat((List<Object>) v.get("functions")).contains("library"))
                .allSatisfy(v -> assertThat(((Number) v.get("distanceMeters")).longValue()).isLessThanOrEqualTo(3000));
        assertThat(rest.exchange("/api/venues?function=legal", HttpMethod.GET, null, LIST).getBody())
                .allSatisfy(v -> assertThat((List<Object>) v.get("functions")).contains("legal")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lat=abc&lon=120.48, bad_number, lat",
            "lat=37.65, incomplete_point, lon",
            "lat=95&lon=120.48, bad_point, lat",
            "lat=37.65&lon=120.48&radius=0, bad_radius, radius",
            "function=swimming, unknown_function, function"})
    void badSearchesAreRefusedNamingTheField(String query, String error, String field) {
        assertRefused(rest.getForEntity("/api/venues?" + query, Map.class), HttpStatus.BAD_REQUEST, error, field);
    }

    @Test
    void slotsOfADayWithinOpeningHoursAndUnknownVenues() {
        Venue center = VenueDb.communityCenter(venues, 0);
        Map<String, Object> day = rest.getForObject("/api/venues/{code}/slots?date=" + DAY, Map.class, center.code());
        assertThat(day).containsEntry("venueCode", center.code()).containsEntry("date", DAY)
                .containsEntry("opens", "08:30").containsEntry("closes", "20:00");
        List<Map<String, Object>> slots = (List<Map<String, Object>>) day.get("slots");
        assertThat(slots).hasSize(11).allSatisfy(s -> assertThat(s).containsEntry("free", true));
        assertThat(slots.get(0)).containsEntry("start", DAY + "T09:00:00").containsEntry("end", DAY + "T10:00:00");
        assertThat(slots.get(10)).containsEntry("start", DAY + "T19:00:00");

        assertRefused(rest.getForEntity("/api/venues/V-NOPE/slots", Map.class), HttpStatus.NOT_FOUND, "unknown_venue",
                "V-NOPE");
        assertRefused(rest.getForEntity("/api/venues/{code}/slots?date=2026-6-2", Map.class, center.code()),
                HttpStatus.BAD_REQUEST, "bad_date", "date");
    }

    @Test
    void bookingOverlappingAdjacentCancellingAndUsage() {
        Venue center = VenueDb.communityCenter(venues, 1);
        ResponseEntity<Map> first = post(body(center.code(), DAY + "T10:00", DAY + "T12:00"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = (String) first.getBody().get("code");
        assertThat(code).matches("B-20260602-[2-9A-HJKMNP-Z]{6}");
        assertThat(first.getHeaders().getLocation()).hasPath("/api/bookings/" + code);
        assertThat(first.getBody()).containsEntry("status", "ACTIVE").containsEntry("hours", 2)
                .containsEntry("phone", "136****2222").containsEntry("start", DAY + "T10:00:00");

        assertRefused(post(body(center.code(), DAY + "T11:00", DAY + "T12:00")), HttpStatus.CONFLICT, "slot_taken",
                "11:00–12:00");
        assertThat(post(body(center.code(), DAY + "T12:00", DAY + "T13:00")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(body(center.code(), DAY + "T09:00:00+08:00", DAY + "T10:00:00+08:00")).getStatusCode())
                .as("an offset is taken as Beijing time").isEqualTo(HttpStatus.CREATED);
        Map<String, Object> day = rest.getForObject("/api/venues/{code}/slots?date=" + DAY, Map.class, center.code());
        assertThat((List<Map<String, Object>>) day.get("slots")).filteredOn(s -> Boolean.TRUE.equals(s.get("taken")))
                .extracting(s -> s.get("start")).containsExactly(DAY + "T09:00:00", DAY + "T10:00:00",
                        DAY + "T11:00:00", DAY + "T12:00:00");

        Map<String, Object> usage = rest.getForObject("/api/venues/{code}/usage?month=2026-06", Map.class,
                center.code());
        assertThat(usage).containsEntry("bookings", 3).containsEntry("bookedHours", 4).containsEntry("openHours", 330);
        assertThat(((Number) usage.get("occupancyRate")).doubleValue()).isEqualTo(0.0121); // 4 / (11 · 30)
        assertRefused(rest.getForEntity("/api/venues/{code}/usage?month=June", Map.class, center.code()),
                HttpStatus.BAD_REQUEST, "bad_month", "month");

        assertThat(rest.getForObject("/api/bookings/{code}?phone=" + PHONE, Map.class, code))
                .containsEntry("status", "ACTIVE").containsEntry("venueName", center.name());
        assertRefused(delete(code, "13600000000"), HttpStatus.NOT_FOUND, "unknown_booking", "phone");
        assertRefused(delete("B-20260602-ZZZZZZ", PHONE), HttpStatus.NOT_FOUND, "unknown_booking", "code");
        assertRefused(delete(code, null), HttpStatus.BAD_REQUEST, "missing_phone", "phone");
        assertThat(delete(code, PHONE).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(delete(code, PHONE).getStatusCode()).as("again").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.getForObject("/api/bookings/{code}?phone=" + PHONE, Map.class, code))
                .containsEntry("status", "CANCELLED");
        assertThat(post(body(center.code(), DAY + "T11:00", DAY + "T12:00")).getStatusCode())
                .as("cancelling freed the hours").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void onePhoneBooksAtMostTheHourlyLimit() {
        Venue center = VenueDb.communityCenter(venues, 3);
        Map<String, Object> booking = body(center.code(), DAY + "T14:00", DAY + "T15:00");
        booking.put("phone", "13611119999");
        int limit = 20; // lianban.residents.per-phone-per-hour in the test profile
        for (int i = 0; i < limit; i++) {
            ResponseEntity<Map> booked = post(booking);
            assertThat(booked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(delete((String) booked.getBody().get("code"), "13611119999").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM booking", Integer.class);
        assertRefused(post(booking), HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "同一手机号每小时最多预约 20 次");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking", Integer.class)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"venueCode\": \"@\", \"start\": \"2026-06-02T10:00\", | malformed_json | JSON",
            "{\"venueCode\": \"@\", \"start\": \"tomorrow\", \"end\": \"2026-06-02T11:00\", \"name\": \"李雷\", \"phone\": \"13611112222\"} | bad_start | start",
            "{\"venueCode\": \"@\", \"start\": \"2026-06-02T07:00\", \"end\": \"2026-06-02T09:00\", \"name\": \"李雷\", \"phone\": \"13611112222\"} | outside_opening_hours | 08:30–20:00",
            "{\"venueCode\": \"@\", \"start\": \"2026-06-02T10:30\", \"end\": \"2026-06-02T11:30\", \"name\": \"李雷\", \"phone\": \"13611112222\"} | not_whole_hours | start",
            "{\"venueCode\": \"@\", \"start\": \"2026-05-31T10:00\", \"end\": \"2026-05-31T11:00\", \"name\": \"李雷\", \"phone\": \"13611112222\"} | in_past | start",
            "{\"venueCode\": \"@\", \"start\": \"2026-06-02T09:00\", \"end\": \"2026-06-02T14:00\", \"name\": \"李雷\", \"phone\": \"13611112222\"} | too_long | 4 小时",
            "{\"venueCode\": \"V-NOPE\", \"start\": \"2026-06-02T10:00\", \"end\": \"2026-06-02T11:00\", \"name\": \"李雷\", \"phone\": \"13611112222\"} | unknown_venue | venueCode",
            "{\"venueCode\": \"@\", \"start\": \"2026-06-02T10:00\", \"end\": \"2026-06-02T11:00\", \"name\": \"李雷\", \"phone\": \"0535-1234567\"} | bad_phone | phone",
            "{\"venueCode\": \"@\", \"start\": \"2026-06-02T10:00\", \"end\": \"2026-06-02T11:00\", \"phone\": \"13611112222\"} | missing_name | name"})
    void badBookingsAreRefusedWithTheContractBodyAndStoreNothing(String json, String error, String named) {
        Venue center = VenueDb.communityCenter(venues, 2);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM booking", Integer.class);
        assertRefused(post(json.replace("@", center.code())), HttpStatus.BAD_REQUEST, error, named);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking", Integer.class)).isEqualTo(before);
    }

    /** A logged-in user books like a resident: the approval process is started by the system, not as them. */
    @Test
    void aLoggedInUserMayBookAVenueThatNeedsApproval() {
        ResponseEntity<Map> booked = rest.withBasicAuth("secretary", "demo").postForEntity("/api/bookings",
                json(body("V-CITY", DAY + "T15:00", DAY + "T16:00")), Map.class);
        assertThat(booked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(booked.getBody()).containsEntry("status", "PENDING").containsEntry("statusLabel", "待审批");
    }

    @Test
    void thePublicPagesOpenWithoutLogin() {
        assertThat(rest.getForObject("/venues", String.class)).contains("一刻钟党群服务圈：步行15分钟约1.2公里");
        assertThat(rest.getForObject("/venues/V-CITY?date=" + DAY, String.class)).contains("市党群服务中心")
                .contains("https://uri.amap.com/marker?position=").contains("name=\"_csrf\"");
        assertThat(rest.getForObject("/bookings/cancel", String.class)).contains("取消预约");
        assertThat(rest.getForEntity("/venues/V-NOPE", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSearchOffersCommunitiesUnderTheirStreetsByNameAndTheCurrentPosition() {
        String page = rest.getForObject("/venues", String.class);
        assertThat(page).contains("按当前位置").doesNotContain("WGS-84");
        Collator chinese = Collator.getInstance(Locale.CHINA);
        Matcher groups = Pattern.compile("<optgroup label=\"([^\"]+)\">(.*?)</optgroup>", Pattern.DOTALL)
                .matcher(page);
        List<String> streets = new ArrayList<>();
        while (groups.find()) {
            streets.add(groups.group(1));
            List<String> names = new ArrayList<>();
            Matcher options = Pattern.compile(">([^<]+)</option>").matcher(groups.group(2));
            while (options.find()) {
                names.add(options.group(1));
            }
            assertThat(names).as(groups.group(1)).isNotEmpty().isSortedAccordingTo(chinese);
            assertThat(names).as("communities of %s", groups.group(1)).allSatisfy(name -> assertThat(streetOf(name))
                    .isEqualTo(groups.group(1)));
        }
        assertThat(streets).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT name FROM street",
                String.class)).isSortedAccordingTo(chinese);
    }

    private String streetOf(String communityName) {
        return jdbc.queryForObject("SELECT s.name FROM community c JOIN area a ON a.code = c.area_code"
                + " JOIN street s ON s.code = a.street_code WHERE c.name = ?", String.class, communityName);
    }

    private static Map<String, Object> body(String venue, String start, String end) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("venueCode", venue);
        b.put("start", start);
        b.put("end", end);
        b.put("name", "李雷");
        b.put("phone", PHONE);
        b.put("purpose", "读书会");
        return b;
    }

    private ResponseEntity<Map> post(Object body) {
        return rest.postForEntity("/api/bookings", json(body), Map.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<Map> delete(String code, String phone) {
        return rest.exchange("/api/bookings/" + code + (phone == null ? "" : "?phone=" + phone), HttpMethod.DELETE,
                null, Map.class);
    }

    /** The contract's error body: {"error": code, "message": Chinese text naming the field}. */
    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String error, String named) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody()).containsOnlyKeys("error", "message").containsEntry("error", error);
        assertThat((String) response.getBody().get("message")).contains(named).containsPattern("\\p{IsHan}");
    }
}
