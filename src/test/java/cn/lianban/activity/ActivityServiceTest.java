package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.lianban.activity.ActivityService.NewActivity;
import cn.lianban.activity.ActivityService.SignupInput;
import cn.lianban.common.BadRequest;
import cn.lianban.common.Forbidden;

/** The service on a fresh in-memory H2 per test, with a fixed clock: 1 March 2026, 10:00 Beijing time. */
class ActivityServiceTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 1, 10, 0);
    static final LocalDateTime START = LocalDateTime.of(2026, 3, 12, 9, 0);
    static final LocalDateTime END = LocalDateTime.of(2026, 3, 12, 11, 0);

    ActivityDb db;

    @BeforeEach
    void setUp() {
        db = ActivityDb.h2();
        db.at(NOW);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void capacityAndWaitingList() {
        ActivityScenarios.waitingList(db);
    }

    @Test
    void residentsHearBackBySms() {
        ActivityScenarios.residentsHearBack(db);
    }

    @Test
    void concurrentSignUpsNeverExceedTheCapacity() throws Exception {
        ActivityScenarios.concurrentSignUps(db, 10, 3);
    }

    @Test
    void figuresPerVenueAndMonth() {
        ActivityScenarios.figures(db);
    }

    @Test
    void publishChecksEveryFieldAndStoresNothingWhenRefused() {
        expectInvalid(input(" ", ActivityDb.HALL, START, END, 10), "title");
        expectInvalid(input("讲".repeat(101), ActivityDb.HALL, START, END, 10), "title");
        expectInvalid(input("讲座", "NO-SUCH-VENUE", START, END, 10), "venueCode");
        expectInvalid(input("讲座", null, START, END, 10), "venueCode");
        expectInvalid(input("讲座", ActivityDb.HALL, null, END, 10), "startsAt");
        expectInvalid(input("讲座", ActivityDb.HALL, START, null, 10), "endsAt");
        expectInvalid(input("讲座", ActivityDb.HALL, NOW.minusHours(1), NOW.plusHours(1), 10), "startsAt");
        expectInvalid(input("讲座", ActivityDb.HALL, NOW.plusMonths(13), NOW.plusMonths(13).plusHours(1), 10), "startsAt");
        expectInvalid(input("讲座", ActivityDb.HALL, START, START, 10), "endsAt");
        expectInvalid(input("讲座", ActivityDb.HALL, START, END.plusDays(1), 10), "endsAt");
        // the room opens 09:00–17:00
        expectInvalid(input("讲座", ActivityDb.ROOM, START.withHour(8), END, 10), "startsAt");
        expectInvalid(input("讲座", ActivityDb.ROOM, START, END.withHour(18), 10), "endsAt");
        expectInvalid(input("讲座", ActivityDb.HALL, START, END, 0), "capacity");
        expectInvalid(input("讲座", ActivityDb.HALL, START, END, null), "capacity");
        expectInvalid(input("讲座", ActivityDb.ROOM, START, END, 21), "capacity");
        expectInvalid(new NewActivity("讲座", "介".repeat(2001), ActivityDb.HALL, null, START, END, 10), "description");
        assertThat(activities()).isZero();

        Activity ok = db.publish("讲".repeat(100), ActivityDb.ROOM, START, START.withHour(17), 20);
        assertThat(ok).extracting(Activity::unitGroup, Activity::capacity, Activity::confirmed, Activity::status)
                .containsExactly("community:C-DL-01", 20, 0, Activity.Status.PUBLISHED);
        assertThat(db.activities.upcoming(null)).extracting(Activity::id).containsExactly(ok.id());
        assertThat(db.activities.upcoming(ActivityDb.HALL)).isEmpty();
    }

    @Test
    void onlyUnitsPublishAndOnlyForThemselves() {
        NewActivity in = input("讲座", ActivityDb.HALL, START, END, 10);
        assertThatThrownBy(() -> db.activities.publish(List.of("grid-worker", "grid:G-DL-01-01"), "gridworker", in))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> db.activities.publish(List.of("department", "dept:housing"), "housing", in))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> db.activities.publish(List.of("community-secretary", "community:C-XJ-01"),
                "secretary2", withUnit(in, "community:C-DL-01"))).isInstanceOf(Forbidden.class);
        // a unit group without the role that goes with it does not publish
        assertThatThrownBy(() -> db.activities.publish(List.of("grid-worker", "community:C-DL-01"), "x", in))
                .isInstanceOf(Forbidden.class);
        // two units: say which
        List<String> both = List.of("community-secretary", "community:C-DL-01", "area-committee", "area:A-DL-1");
        assertThatThrownBy(() -> db.activities.publish(both, "x", in)).isInstanceOf(BadRequest.class)
                .hasMessageContaining("unitGroup");
        assertThat(activities()).isZero();

        assertThat(db.activities.publish(both, "x", withUnit(in, "area:A-DL-1")).unitGroup()).isEqualTo("area:A-DL-1");
        assertThat(db.activities.publish(List.of("city-center"), "center", in).unitGroup()).isEqualTo("city-center");
        assertThat(db.activities.publish(List.of("street-office", "street:S-DL"), "street", in).unitGroup())
                .isEqualTo("street:S-DL");
    }

    @Test
    void signUpChecksNameAndPhoneAndStoresNothingWhenRefused() {
        Activity a = db.publish("讲座", ActivityDb.HALL, START, END, 2);
        expectBadSignup(a.id(), "", "13800000001", "name");
        expectBadSignup(a.id(), null, "13800000001", "name");
        expectBadSignup(a.id(), "名".repeat(33), "13800000001", "name");
        expectBadSignup(a.id(), "张三", null, "phone");
        expectBadSignup(a.id(), "张三", "1380000000", "phone");
        expectBadSignup(a.id(), "张三", "138000000011", "phone");
        expectBadSignup(a.id(), "张三", "23800000001", "phone");
        expectBadSignup(a.id(), "张三", "1380000000x", "phone");
        assertThatThrownBy(() -> db.activities.signUp(a.id() + 1000, new SignupInput("张三", "13800000001")))
                .isInstanceOf(ActivityNotFound.class);
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM signup", Integer.class)).isZero();
    }

    private void expectInvalid(NewActivity in, String field) {
        assertThatThrownBy(() -> db.activities.publish(ActivityScenarios.SECRETARY_A, "secretary", in))
                .as(field).isInstanceOf(BadRequest.class).hasMessageContaining(field)
                .extracting(e -> ((BadRequest) e).code()).isEqualTo(ActivityService.INVALID_ACTIVITY);
    }

    private void expectBadSignup(long id, String name, String phone, String field) {
        assertThatThrownBy(() -> db.activities.signUp(id, new SignupInput(name, phone))).as(name + "/" + phone)
                .isInstanceOf(BadRequest.class).hasMessageContaining(field)
                .extracting(e -> ((BadRequest) e).code()).isEqualTo(ActivityService.INVALID_SIGNUP);
    }

    private int activities() {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class);
    }

    private static NewActivity input(String title, String venue, LocalDateTime starts, LocalDateTime ends,
                                     Integer capacity) {
        return new NewActivity(title, null, venue, null, starts, ends, capacity);
    }

    private static NewActivity withUnit(NewActivity in, String unit) {
        return new NewActivity(in.title(), in.description(), in.venueCode(), unit, in.startsAt(), in.endsAt(),
                in.capacity());
    }
}
