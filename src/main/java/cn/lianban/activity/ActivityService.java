package cn.lianban.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Forbidden;
import cn.lianban.common.RandomCode;
import cn.lianban.common.RequestBodies;
import cn.lianban.common.SqlIn;
import cn.lianban.notify.SmsKind;
import cn.lianban.notify.SmsOutbox;
import cn.lianban.notify.SmsTexts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * 活动: units publish activities at venues; residents sign up, are CONFIRMED while places are left and
 * WAITLISTED after that, and cancel; a cancelled CONFIRMED place goes to the earliest on the waiting list.
 * <p>
 * Everything that counts or changes the sign-ups of one activity runs in one transaction that first locks the
 * activity's row ({@code SELECT … FOR UPDATE}, on H2 and PostgreSQL alike), so sign-ups and cancellations of
 * one activity happen one after another however close together they arrive: confirmed sign-ups never exceed
 * the capacity and the order of sign-up has no gaps or repeats. A transaction that gave up waiting for the
 * lock (H2's lock timeout) is run again, by Spring Retry.
 * <p>
 * Plain JDBC and programmatic transactions, so that the same class runs in tests on a bare DataSource. What a
 * request says is checked by the annotations of its record ({@link RequestBodies#valid}), the same for the JSON API,
 * the pages and the demo data; what depends on venues, time and the database is checked here in code.
 * <p>
 * A resident on the waiting list who gets a place, and everyone signed up for an activity the organiser withdraws,
 * hears it by SMS, queued in the {@link SmsOutbox} in the same transaction.
 */
@Service
class ActivityService {

    public static final String INVALID_ACTIVITY = "invalid_activity";
    public static final String INVALID_SIGNUP = "invalid_signup";
    /** The error code of a cancellation whose code and phone match no live sign-up. */
    public static final String SIGNUP_NOT_FOUND = "signup_not_found";
    public static final int TITLE_MAX = 100;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int NAME_MAX = 32;
    /** A resident's mobile number, as {@link Mobile} checks it. */
    public static final Pattern PHONE = Pattern.compile(Mobile.DIGITS);
    /** How far ahead an activity may be published. */
    public static final int MAX_MONTHS_AHEAD = 12;
    /** How often a transaction that timed out waiting for the activity's lock is tried. */
    static final int TRIES = 20;
    /** Times in messages as people write them. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** Runs a transaction again that timed out waiting for the activity's lock; nothing else is tried twice. */
    private final RetryTemplate lockRetry = RetryTemplate.builder().maxAttempts(TRIES).noBackoff()
            .retryOn(TransientDataAccessException.class).build();
    private final Clock clock;
    private final RequestBodies requests;
    private final SmsOutbox sms;

    ActivityService(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, RequestBodies requests,
                    SmsOutbox sms) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.requests = requests;
        this.sms = sms;
    }

    /** Now in Beijing, on the clock activities are checked against. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /**
     * An activity to publish, as the JSON API receives it. {@code unitGroup} may be left out by a user who
     * publishes for one unit only; {@code description} is optional. Texts are taken without surrounding blanks;
     * their lengths count characters as people see them (code points: a rare character outside the BMP is one).
     */
    public record NewActivity(
            @NotBlank(message = "活动标题（title）不能为空")
            @CodePointLength(max = TITLE_MAX, message = "活动标题（title）不能超过 {max} 个字") String title,
            @CodePointLength(max = DESCRIPTION_MAX, message = "活动介绍（description）不能超过 {max} 个字") String description,
            @NotBlank(message = "活动场所（venueCode）不能为空") String venueCode,
            String unitGroup,
            @NotNull(message = "开始时间（startsAt）不能为空") LocalDateTime startsAt,
            @NotNull(message = "结束时间（endsAt）不能为空") LocalDateTime endsAt,
            @NotNull(message = "名额（capacity）不能为空")
            @Min(value = 1, message = "名额（capacity）至少为 {value}：${validatedValue}") Integer capacity) {

        public NewActivity {
            title = stripped(title);
            description = stripped(description);
            venueCode = stripped(venueCode);
            unitGroup = stripped(unitGroup);
        }
    }

    /** A resident's sign-up, as the JSON API receives it and the page's form gives it. */
    public record SignupInput(
            @NotBlank(message = "姓名（name）不能为空")
            @CodePointLength(max = NAME_MAX, message = "姓名（name）不能超过 {max} 个字") String name,
            @Mobile String phone) {

        public SignupInput {
            name = stripped(name);
            phone = stripped(phone);
        }
    }

    /** A cancellation: the sign-up's code (报名号, in any case) with the phone it was made with. */
    public record CancelInput(@NotBlank(message = "报名号（code）不能为空") String code, @Mobile String phone) {

        public CancelInput {
            code = stripped(code);
            phone = stripped(phone);
        }
    }

    /** The body of an attendance record: the phone the resident signed up with. */
    public record AttendanceInput(@Mobile String phone) {

        public AttendanceInput {
            phone = stripped(phone);
        }
    }

    // ---------------------------------------------------------------- publishing

    /**
     * Publishes an activity for one of the user's units (see {@link Publishers}) and returns it.
     *
     * @param groups the user's Camunda groups
     * @throws Forbidden  when the user publishes for no unit, or not for the unit named
     * @throws BadRequest {@link #INVALID_ACTIVITY} naming the fields; nothing is stored then
     */
    public Activity publish(Collection<String> groups, String login, NewActivity in) {
        Set<String> units = Publishers.unitsOf(groups);
        if (units.isEmpty()) {
            throw new Forbidden("发布活动仅限社区书记、片区联合党委委员、街道和市城市党建服务中心");
        }
        String unit = in.unitGroup();
        if (unit == null) {
            if (units.size() > 1) {
                throw new BadRequest(INVALID_ACTIVITY, "发布单位（unitGroup）不能为空，可选：" + String.join("、", units));
            }
            unit = units.iterator().next();
        } else if (!units.contains(unit)) {
            throw new Forbidden("只能以本单位名义发布活动，不能为 " + unit + " 发布");
        }
        return publishFor(unit, login, in);
    }

    /** Publishes for {@code unit}, whose right to publish the caller has settled; checks every field. */
    private Activity publishFor(String unit, String login, NewActivity in) {
        requests.valid(in, INVALID_ACTIVITY);
        String venueCode = in.venueCode();
        List<VenueHours> venues = jdbc.sql("SELECT name, opens, closes, capacity FROM venue WHERE code = ?")
                .param(venueCode).query(VenueHours.class).list();
        if (venues.isEmpty()) {
            throw invalid("活动场所（venueCode）不存在：" + venueCode);
        }
        VenueHours venue = venues.get(0);
        LocalDateTime starts = in.startsAt();
        LocalDateTime ends = in.endsAt();
        LocalDateTime now = now();
        if (!starts.isAfter(now)) {
            throw invalid("开始时间（startsAt）应晚于现在：" + MINUTES.format(starts));
        }
        if (starts.isAfter(now.plusMonths(MAX_MONTHS_AHEAD))) {
            throw invalid("开始时间（startsAt）最多提前 " + MAX_MONTHS_AHEAD + " 个月发布：" + MINUTES.format(starts));
        }
        if (!ends.isAfter(starts)) {
            throw invalid("结束时间（endsAt）应晚于开始时间（startsAt）");
        }
        if (!ends.toLocalDate().equals(starts.toLocalDate())) {
            throw invalid("结束时间（endsAt）应与开始时间（startsAt）在同一天");
        }
        if (starts.toLocalTime().isBefore(venue.opens()) || ends.toLocalTime().isAfter(venue.closes())) {
            throw invalid("活动时间（startsAt、endsAt）应在" + venue.name() + "的开放时间 " + venue.opens() + "–"
                    + venue.closes() + " 之内");
        }
        int capacity = in.capacity();
        if (capacity > venue.capacity()) {
            throw invalid("名额（capacity）不能超过" + venue.name() + "的容量 " + venue.capacity() + " 人：" + capacity);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO activity (title, description, venue_code, unit_group, published_by, starts_at, ends_at,"
                        + " capacity, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(in.title(), in.description(), venueCode, unit, login,
                        Timestamp.valueOf(starts), Timestamp.valueOf(ends), capacity, Activity.Status.PUBLISHED.name(),
                        Timestamp.valueOf(now))
                .update(keys, "id");
        return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    /** True when no activity has been published yet, i.e. the demo activities may be seeded. */
    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM activity").query(Integer.class).single() == 0;
    }

    /**
     * Publishes the demo activities, each for the unit that manages its venue, and signs their residents up in
     * order, through the same checks as a unit's and a resident's requests.
     */
    public void seed(List<DemoActivityGenerator.DemoActivity> demo) {
        for (DemoActivityGenerator.DemoActivity d : demo) {
            long id = publishFor(d.unitGroup(), DemoActivityGenerator.PUBLISHER, d.activity()).id();
            d.residents().forEach(r -> signUp(id, new SignupInput(r.name(), r.phone())));
        }
    }

    private record VenueHours(String name, LocalTime opens, LocalTime closes, int capacity) {
    }

    // ---------------------------------------------------------------- reading

    private static final String SELECT = "SELECT a.*, v.name AS venue_name,"
            + " (SELECT COUNT(*) FROM signup s WHERE s.activity_id = a.id AND s.status = 'CONFIRMED') AS confirmed,"
            + " (SELECT COUNT(*) FROM signup s WHERE s.activity_id = a.id AND s.status = 'WAITLISTED') AS waitlisted"
            + " FROM activity a JOIN venue v ON v.code = a.venue_code";

    /** Published activities that have not started yet, soonest first; {@code venueCode} null for all venues. */
    public List<Activity> upcoming(String venueCode) {
        if (venueCode == null || venueCode.isBlank()) {
            return jdbc.sql(SELECT + " WHERE a.status = 'PUBLISHED' AND a.starts_at > ? ORDER BY a.starts_at, a.id")
                    .param(Timestamp.valueOf(now())).query(Activity.class).list();
        }
        return jdbc.sql(SELECT + " WHERE a.status = 'PUBLISHED' AND a.starts_at > ? AND a.venue_code = ?"
                        + " ORDER BY a.starts_at, a.id")
                .params(Timestamp.valueOf(now()), venueCode.strip()).query(Activity.class).list();
    }

    /** One activity, published or cancelled, past or upcoming. */
    public Optional<Activity> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(Activity.class).optional();
    }

    /** The activity, or {@link ActivityNotFound}. */
    public Activity get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * All sign-ups of an activity in order of sign-up, cancelled ones included, for its publishing unit.
     *
     * @throws Forbidden when the user is not of the publishing unit
     */
    public List<Signup> signups(long activityId, Collection<String> groups) {
        Activity activity = get(activityId);
        requireUnit(activity, groups);
        // the place on the waiting list is no column: it is counted below
        List<Signup> rows = jdbc.sql("SELECT id, name, phone, status, position, CAST(NULL AS INT) AS waitlist_position,"
                + " attended FROM signup WHERE activity_id = ? ORDER BY position").param(activityId)
                .query(Signup.class).list();
        List<Signup> numbered = new ArrayList<>(rows.size());
        int waiting = 0;
        for (Signup s : rows) {
            numbered.add(s.status() == SignupStatus.WAITLISTED ? new Signup(s.id(), s.name(), s.phone(), s.status(),
                    s.position(), ++waiting, s.attended()) : s);
        }
        return numbered;
    }

    // ---------------------------------------------------------------- residents

    /**
     * Signs a resident up: CONFIRMED while fewer than {@code capacity} sign-ups are confirmed, WAITLISTED
     * after that.
     *
     * @throws BadRequest       {@link #INVALID_SIGNUP} for a missing or long name or a phone that is not
     *                          {@code 1\d{10}}
     * @throws ActivityNotFound when there is no such activity
     * @throws SignupConflict   {@code already_signed_up} when the phone has a live sign-up for the activity,
     *                          {@code signup_closed} when the activity is cancelled or has started
     */
    public SignupResult signUp(long activityId, SignupInput in) {
        requests.valid(in, INVALID_SIGNUP);
        String who = in.name();
        String mobile = in.phone();
        return locked(activityId, activity -> {
            LocalDateTime now = now();
            if (activity.status() != Activity.Status.PUBLISHED) {
                throw new SignupConflict("signup_closed", "活动已取消，不能报名");
            }
            if (!activity.startsAt().isAfter(now)) {
                throw new SignupConflict("signup_closed", "活动已开始或已结束，不能报名");
            }
            if (jdbc.sql("SELECT COUNT(*) FROM signup WHERE activity_id = ? AND active_phone = ?")
                    .params(activityId, mobile).query(Integer.class).single() > 0) {
                throw new SignupConflict("already_signed_up", "手机号（phone）" + mobile + " 已报名此活动");
            }
            int confirmed = count(activityId, SignupStatus.CONFIRMED);
            long position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM signup WHERE activity_id = ?")
                    .param(activityId).query(Long.class).single();
            SignupStatus status = confirmed < activity.capacity() ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED;
            KeyHolder keys = new GeneratedKeyHolder();
            String code = RandomCode.of("S-", 8);
            jdbc.sql("INSERT INTO signup (activity_id, name, phone, active_phone, status, position, created_at,"
                            + " confirmed_at, code) VALUES (?,?,?,?,?,?,?,?,?)")
                    .params(activityId, who, mobile, mobile, status.name(), position, Timestamp.valueOf(now),
                            status == SignupStatus.CONFIRMED ? Timestamp.valueOf(now) : null, code)
                    .update(keys, "id");
            Integer place = status == SignupStatus.WAITLISTED ? count(activityId, SignupStatus.WAITLISTED) : null;
            return new SignupResult(keys.getKeyAs(Number.class).longValue(), code, status, position, place);
        });
    }

    /** What a cancellation did: the status the sign-up had, and the sign-ups promoted from the waiting list. */
    public record Cancellation(long signupId, SignupStatus previous, List<Long> promoted) {
    }

    /**
     * Cancels the live sign-up with this code (报名号) and phone; if it held a place, the earliest on the waiting
     * list (in order of sign-up) gets it and is told by SMS. An unknown code and a phone that is not the sign-up's get
     * the same answer, so neither codes nor phone numbers can be probed.
     *
     * @throws BadRequest       {@link #INVALID_SIGNUP} for a malformed phone or a missing code
     * @throws ActivityNotFound when there is no such activity or no live sign-up with that code and phone
     * @throws SignupConflict   {@code cancel_closed} once the activity has started
     */
    public Cancellation cancel(long activityId, CancelInput in) {
        requests.valid(in, INVALID_SIGNUP);
        String mobile = in.phone();
        String signup = in.code().toUpperCase(Locale.ROOT);
        return locked(activityId, activity -> {
            LocalDateTime now = now();
            List<LiveSignup> live = jdbc.sql("SELECT id, status FROM signup WHERE activity_id = ? AND code = ?"
                    + " AND active_phone = ?").params(activityId, signup, mobile).query(LiveSignup.class).list();
            if (live.isEmpty()) {
                throw new ActivityNotFound(SIGNUP_NOT_FOUND, "没有找到该报名：请核对报名号（code）和手机号（phone）");
            }
            if (activity.status() == Activity.Status.PUBLISHED && !activity.startsAt().isAfter(now)) {
                throw new SignupConflict("cancel_closed", "活动已开始或已结束，不能取消报名");
            }
            long id = live.get(0).id();
            SignupStatus previous = live.get(0).status();
            jdbc.sql("UPDATE signup SET status = 'CANCELLED', active_phone = NULL, cancelled_at = ? WHERE id = ?")
                    .params(Timestamp.valueOf(now), id).update();
            List<Long> promoted = activity.status() == Activity.Status.PUBLISHED ? fillPlaces(activity, now)
                    : List.of();
            return new Cancellation(id, previous, promoted);
        });
    }

    private record LiveSignup(long id, SignupStatus status) {
    }

    /** Gives free places to the waiting list in order of sign-up, telling each by SMS; returns the ids promoted. */
    private List<Long> fillPlaces(LockedActivity activity, LocalDateTime now) {
        int free = activity.capacity() - count(activity.id(), SignupStatus.CONFIRMED);
        if (free <= 0) {
            return List.of();
        }
        List<Long> waiting = jdbc.sql("SELECT id FROM signup WHERE activity_id = ? AND status = 'WAITLISTED'"
                + " ORDER BY position").param(activity.id()).query(Long.class).list();
        List<Long> promoted = waiting.subList(0, Math.min(free, waiting.size()));
        for (long id : promoted) {
            jdbc.sql("UPDATE signup SET status = 'CONFIRMED', confirmed_at = ? WHERE id = ?")
                    .params(Timestamp.valueOf(now), id).update();
        }
        if (!promoted.isEmpty()) {
            tell(activity.id(), "s.id IN (" + SqlIn.marks(promoted) + ")", promoted, SmsKind.WAITLIST_PROMOTED,
                    "已由候补转为正式报名，请按时参加");
        }
        return List.copyOf(promoted);
    }

    // ---------------------------------------------------------------- the publishing unit

    /**
     * Records that the confirmed resident with {@code phone} came, from the day of the activity on.
     *
     * @throws BadRequest       {@link #INVALID_SIGNUP} for a phone that is not {@code 1\d{10}}
     * @throws Forbidden        when the user is not of the publishing unit
     * @throws ActivityNotFound when there is no such activity or no live sign-up of that phone
     * @throws SignupConflict   {@code not_confirmed} for a waitlisted sign-up, {@code not_started} before the day
     */
    public void markAttended(long activityId, AttendanceInput in, Collection<String> groups) {
        requests.valid(in, INVALID_SIGNUP);
        String mobile = in.phone();
        Activity found = get(activityId);
        requireUnit(found, groups);
        locked(activityId, activity -> {
            List<String> status = jdbc.sql("SELECT status FROM signup WHERE activity_id = ? AND active_phone = ?")
                    .params(activityId, mobile).query(String.class).list();
            if (status.isEmpty()) {
                throw new ActivityNotFound(SIGNUP_NOT_FOUND, "手机号（phone）" + mobile + " 没有报名此活动");
            }
            if (!SignupStatus.CONFIRMED.name().equals(status.get(0))) {
                throw new SignupConflict("not_confirmed", "手机号（phone）" + mobile + " 在候补名单中，没有名额，不能登记到场");
            }
            if (activity.status() != Activity.Status.PUBLISHED) {
                throw new SignupConflict("activity_cancelled", "活动已取消，不能登记到场");
            }
            if (now().toLocalDate().isBefore(activity.startsAt().toLocalDate())) {
                throw new SignupConflict("not_started", "活动当天起才能登记到场");
            }
            jdbc.sql("UPDATE signup SET attended = TRUE WHERE activity_id = ? AND active_phone = ?")
                    .params(activityId, mobile).update();
            return null;
        });
    }

    /**
     * Withdraws a published activity (status CANCELLED): no more sign-ups, and it no longer counts in the
     * figures. The sign-ups are kept as they were; each live one (with a place or waiting) is told by SMS.
     *
     * @throws Forbidden        when the user is not of the publishing unit
     * @throws ActivityNotFound when there is no such activity
     * @throws SignupConflict   {@code activity_started} once it has started
     */
    public void withdraw(long activityId, Collection<String> groups) {
        requireUnit(get(activityId), groups);
        locked(activityId, activity -> {
            if (activity.status() == Activity.Status.PUBLISHED && !activity.startsAt().isAfter(now())) {
                throw new SignupConflict("activity_started", "活动已开始或已结束，不能取消");
            }
            if (activity.status() == Activity.Status.PUBLISHED) {
                jdbc.sql("UPDATE activity SET status = 'CANCELLED' WHERE id = ?").param(activityId).update();
                tell(activityId, "s.active_phone IS NOT NULL", List.of(), SmsKind.ACTIVITY_CANCELLED,
                        "已由主办单位取消");
            }
            return null;
        });
    }

    private static void requireUnit(Activity activity, Collection<String> groups) {
        if (!groups.contains(activity.unitGroup())) {
            throw new Forbidden("只有发布活动的单位（" + activity.unitGroup() + "）可以查看报名名单和登记到场");
        }
    }

    // ---------------------------------------------------------------- the lock

    private record LockedActivity(long id, int capacity, Activity.Status status, LocalDateTime startsAt) {
    }

    /**
     * Runs {@code work} in a transaction holding the activity's row lock. A transaction that times out waiting
     * for the lock is rolled back and run again ({@link #lockRetry}); {@code work} must therefore only read and
     * write the database.
     */
    private <T> T locked(long activityId, Function<LockedActivity, T> work) {
        try {
            return lockRetry.execute(attempt -> tx.execute(status -> {
                List<LockedActivity> rows = jdbc.sql("SELECT id, capacity, status, starts_at FROM activity"
                        + " WHERE id = ? FOR UPDATE").param(activityId).query(LockedActivity.class).list();
                if (rows.isEmpty()) {
                    throw notFound(activityId);
                }
                return work.apply(rows.get(0));
            }));
        } catch (DuplicateKeyException e) {
            // cannot happen while the row lock serialises sign-ups; the constraints are the last line
            throw new SignupConflict("already_signed_up", "该手机号（phone）已报名此活动");
        }
    }

    // ---------------------------------------------------------------- texts to residents

    /** What a text says of a sign-up: its code, and the activity's title, venue and time. */
    private record SignupNotice(String phone, String code, String title, String venueName, LocalDateTime startsAt,
                                LocalDateTime endsAt) {
    }

    /** Longest activity title in a text; titles may have 100 characters. */
    static final int TITLE_IN_SMS = 20;

    /**
     * Queues to each sign-up of the activity that {@code which} selects (SQL over {@code signup s}):
     * 【联办】您报名的活动“重阳敬老包饺子”（金沙东党群服务中心 10月29日 09:00–11:00）已由候补转为正式报名，请按时参加，报名号 S-….
     * No names or other phones: each text carries only its own sign-up.
     */
    private void tell(long activityId, String which, List<Long> ids, SmsKind kind, String what) {
        List<Object> params = new ArrayList<>(List.of(activityId));
        params.addAll(ids);
        List<SignupNotice> notices = jdbc.sql("SELECT s.phone, s.code, a.title, v.name AS venue_name, a.starts_at,"
                        + " a.ends_at FROM signup s JOIN activity a ON a.id = s.activity_id"
                        + " JOIN venue v ON v.code = a.venue_code WHERE s.activity_id = ? AND " + which
                        + " ORDER BY s.position")
                .params(params).query(SignupNotice.class).list();
        for (SignupNotice n : notices) {
            sms.send(n.phone(), "【联办】您报名的活动“" + SmsTexts.excerpt(n.title(), TITLE_IN_SMS) + "”（" + n.venueName()
                    + " " + SmsTexts.period(n.startsAt(), n.endsAt()) + "）" + what + "，报名号 " + n.code() + "。",
                    kind, n.code());
        }
    }

    // ---------------------------------------------------------------- helpers

    private int count(long activityId, SignupStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM signup WHERE activity_id = ? AND status = ?")
                .params(activityId, status.name()).query(Integer.class).single();
    }

    private static ActivityNotFound notFound(long id) {
        return new ActivityNotFound("activity_not_found", "活动不存在：" + id);
    }

    private static BadRequest invalid(String message) {
        return new BadRequest(INVALID_ACTIVITY, message);
    }

    /** Text without surrounding blanks; blank text is missing (null), so that it is refused as not given. */
    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
