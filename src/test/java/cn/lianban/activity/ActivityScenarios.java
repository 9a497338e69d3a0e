package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.activity.ActivityFigures.VenueFigures;
import cn.lianban.activity.ActivityService.AttendanceInput;
import cn.lianban.activity.ActivityService.CancelInput;
import cn.lianban.activity.ActivityService.SignupInput;
import cn.lianban.common.BadRequest;
import cn.lianban.common.Forbidden;

/** Service-level scenarios, run on a plain H2 and on PostgreSQL alike. */
final class ActivityScenarios {

    static final List<String> SECRETARY_A = List.of("community-secretary", "community:C-DL-01");

    private ActivityScenarios() {
    }

    static String phone(int i) {
        return String.format("1380000%04d", i);
    }

    /**
     * Capacity 1, three sign-ups: no SMS for signing up; when the confirmed one cancels, the first waiting gets the
     * place and its SMS in the same transaction (a rolled-back cancellation leaves neither); when the organiser
     * withdraws the activity, both live sign-ups are told. Each text carries only its own sign-up: no names, no
     * other phone.
     */
    static void residentsHearBack(ActivityDb db) {
        db.at(LocalDateTime.of(2026, 3, 1, 10, 0));
        Activity a = db.publish("重阳敬老包饺子", ActivityDb.HALL, LocalDateTime.of(2026, 3, 12, 9, 0),
                LocalDateTime.of(2026, 3, 12, 11, 0), 1);
        ActivityService s = db.activities;
        SignupResult r1 = s.signUp(a.id(), new SignupInput("张一", phone(1)));
        SignupResult r2 = s.signUp(a.id(), new SignupInput("张二", phone(2)));
        SignupResult r3 = s.signUp(a.id(), new SignupInput("张三", phone(3)));
        assertThat(smsCount(db)).as("signing up sends nothing").isZero();

        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource)).executeWithoutResult(tx -> {
            s.cancel(a.id(), new CancelInput(r1.code(), phone(1)));
            assertThat(db.sms(r2.code())).as("queued in the cancellation's transaction").hasSize(1);
            tx.setRollbackOnly();
        });
        assertThat(smsCount(db)).isZero();
        assertThat(s.get(a.id()).confirmed()).isEqualTo(1);

        s.cancel(a.id(), new CancelInput(r1.code(), phone(1)));
        String about = "【联办】您报名的活动“重阳敬老包饺子”（测试党群服务中心活动室 3月12日 09:00–11:00）";
        assertThat(db.sms(r2.code())).containsExactly(List.of("WAITLIST_PROMOTED", phone(2),
                about + "已由候补转为正式报名，请按时参加，报名号 " + r2.code() + "。"));
        assertThat(db.sms(r1.code())).isEmpty();
        assertThat(db.sms(r3.code())).isEmpty();

        s.withdraw(a.id(), SECRETARY_A);
        s.withdraw(a.id(), SECRETARY_A);
        assertThat(db.sms(r2.code())).extracting(m -> m.get(0)).containsExactly("WAITLIST_PROMOTED", "ACTIVITY_CANCELLED");
        assertThat(db.sms(r3.code())).as("once, though withdrawn twice").containsExactly(List.of("ACTIVITY_CANCELLED",
                phone(3), about + "已由主办单位取消，报名号 " + r3.code() + "。"));
        assertThat(db.sms(r1.code())).as("cancelled before, not told again").isEmpty();
        for (String text : db.jdbc.queryForList("SELECT body FROM sms_outbox", String.class)) {
            assertThat(text).doesNotContain("张一", "张二", "张三", phone(1), phone(2), phone(3), "2026-");
        }
    }

    private static int smsCount(ActivityDb db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox", Integer.class);
    }

    /**
     * Capacity 2, five sign-ups: two places and three on the waiting list in order; a waitlisted one cancels
     * (nothing promoted, order kept), a confirmed one cancels (the earliest waitlisted gets the place).
     */
    static void waitingList(ActivityDb db) {
        db.at(LocalDateTime.of(2026, 3, 1, 10, 0));
        Activity a = db.publish("社区书法班", ActivityDb.HALL, LocalDateTime.of(2026, 3, 12, 9, 0),
                LocalDateTime.of(2026, 3, 12, 11, 0), 2);
        ActivityService s = db.activities;
        SignupResult r1 = s.signUp(a.id(), new SignupInput("张一", phone(1)));
        SignupResult r2 = s.signUp(a.id(), new SignupInput("张二", phone(2)));
        SignupResult r3 = s.signUp(a.id(), new SignupInput("张三", phone(3)));
        SignupResult r4 = s.signUp(a.id(), new SignupInput(" 张四 ", " " + phone(4) + " "));
        SignupResult r5 = s.signUp(a.id(), new SignupInput("张五", phone(5)));
        assertThat(List.of(r1, r2, r3, r4, r5)).extracting(SignupResult::status, SignupResult::position,
                SignupResult::waitlistPosition).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SignupStatus.CONFIRMED, 1L, null),
                org.assertj.core.groups.Tuple.tuple(SignupStatus.CONFIRMED, 2L, null),
                org.assertj.core.groups.Tuple.tuple(SignupStatus.WAITLISTED, 3L, 1),
                org.assertj.core.groups.Tuple.tuple(SignupStatus.WAITLISTED, 4L, 2),
                org.assertj.core.groups.Tuple.tuple(SignupStatus.WAITLISTED, 5L, 3));
        assertThat(s.get(a.id())).extracting(Activity::confirmed, Activity::waitlisted, Activity::placesLeft)
                .containsExactly(2, 3, 0);
        assertThat(db.jdbc.queryForObject("SELECT name FROM signup WHERE id = ?", String.class, r4.id()))
                .isEqualTo("张四");

        assertThatThrownBy(() -> s.signUp(a.id(), new SignupInput("张二又一次", phone(2))))
                .isInstanceOf(SignupConflict.class)
                .extracting(e -> ((SignupConflict) e).code()).isEqualTo("already_signed_up");

        // a phone alone, or a code with another phone, cancels nothing, and both are answered alike
        for (String[] wrong : new String[][]{{r5.code(), phone(4)}, {r4.code(), phone(5)}, {"S-22222222", phone(4)}}) {
            assertThatThrownBy(() -> s.cancel(a.id(), new CancelInput(wrong[0], wrong[1])))
                    .isInstanceOf(ActivityNotFound.class)
                    .hasMessage("没有找到该报名：请核对报名号（code）和手机号（phone）");
        }
        assertThatThrownBy(() -> s.cancel(a.id(), new CancelInput(" ", phone(4)))).isInstanceOf(BadRequest.class)
                .hasMessageContaining("报名号（code）");
        assertThat(List.of(r1, r2, r3, r4, r5)).extracting(SignupResult::code).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("S-[2-9A-HJKMNP-Z]{8}"));

        // a waitlisted one cancels (code and phone): nobody is promoted, the others keep their order
        ActivityService.Cancellation c4 = s.cancel(a.id(), new CancelInput(r4.code().toLowerCase(), phone(4)));
        assertThat(c4.previous()).isEqualTo(SignupStatus.WAITLISTED);
        assertThat(c4.promoted()).isEmpty();
        assertThat(statuses(db, a.id())).containsExactly("张一 CONFIRMED", "张二 CONFIRMED", "张三 WAITLISTED 1",
                "张四 CANCELLED", "张五 WAITLISTED 2");

        // a confirmed one cancels: the earliest waitlisted (张三) gets the place
        ActivityService.Cancellation c1 = s.cancel(a.id(), new CancelInput(r1.code(), phone(1)));
        assertThat(c1.previous()).isEqualTo(SignupStatus.CONFIRMED);
        assertThat(c1.promoted()).containsExactly(r3.id());
        assertThat(statuses(db, a.id())).containsExactly("张一 CANCELLED", "张二 CONFIRMED", "张三 CONFIRMED",
                "张四 CANCELLED", "张五 WAITLISTED 1");

        // cancelled twice: there is no live sign-up any more; signing up again goes to the end of the list
        assertThatThrownBy(() -> s.cancel(a.id(), new CancelInput(r1.code(), phone(1))))
                .isInstanceOf(ActivityNotFound.class);
        SignupResult again = s.signUp(a.id(), new SignupInput("张一", phone(1)));
        assertThat(again).extracting(SignupResult::status, SignupResult::position, SignupResult::waitlistPosition)
                .containsExactly(SignupStatus.WAITLISTED, 6L, 2);
        assertThat(s.get(a.id())).extracting(Activity::confirmed, Activity::waitlisted).containsExactly(2, 2);

        // no sign-up or cancellation once it has started
        db.at(LocalDateTime.of(2026, 3, 12, 9, 0));
        assertThatThrownBy(() -> s.signUp(a.id(), new SignupInput("迟到", phone(9)))).isInstanceOf(SignupConflict.class)
                .extracting(e -> ((SignupConflict) e).code()).isEqualTo("signup_closed");
        assertThatThrownBy(() -> s.cancel(a.id(), new CancelInput(r2.code(), phone(2))))
                .isInstanceOf(SignupConflict.class)
                .extracting(e -> ((SignupConflict) e).code()).isEqualTo("cancel_closed");
        assertThat(s.upcoming(null)).extracting(Activity::id).doesNotContain(a.id());
    }

    /** "张一 CONFIRMED", "张三 WAITLISTED 1", … in order of sign-up, as the publishing unit sees them. */
    private static List<String> statuses(ActivityDb db, long activityId) {
        return db.activities.signups(activityId, SECRETARY_A).stream().map(x -> x.name() + " " + x.status()
                + (x.waitlistPosition() == null ? "" : " " + x.waitlistPosition())).toList();
    }

    /**
     * {@code threads} residents sign up at the same moment for {@code capacity} places: exactly {@code capacity}
     * are confirmed, the others waitlisted, with distinct positions 1…n and waiting-list places 1…n−capacity.
     * Then the confirmed ones all cancel at the same moment: the earliest waitlisted get their places.
     */
    static void concurrentSignUps(ActivityDb db, int threads, int capacity) throws Exception {
        db.at(LocalDateTime.of(2026, 3, 1, 10, 0));
        Activity a = db.publish("抢名额的讲座", ActivityDb.HALL, LocalDateTime.of(2026, 3, 14, 9, 0),
                LocalDateTime.of(2026, 3, 14, 10, 0), capacity);
        List<SignupResult> results = together(threads,
                i -> db.activities.signUp(a.id(), new SignupInput("居民" + i, phone(100 + i))));

        assertThat(results).filteredOn(r -> r.status() == SignupStatus.CONFIRMED).hasSize(capacity)
                .allSatisfy(r -> assertThat(r.position()).isLessThanOrEqualTo(capacity));
        assertThat(results).extracting(SignupResult::position).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, threads).boxed().toList());
        assertThat(results).filteredOn(r -> r.status() == SignupStatus.WAITLISTED)
                .extracting(SignupResult::waitlistPosition).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, threads - capacity).boxed().toList());
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM signup WHERE activity_id = ? AND status = 'CONFIRMED'",
                Integer.class, a.id())).isEqualTo(capacity);

        List<Integer> confirmed = java.util.stream.IntStream.range(0, threads)
                .filter(i -> results.get(i).status() == SignupStatus.CONFIRMED).boxed().toList();
        together(confirmed.size(), i -> db.activities.cancel(a.id(),
                new CancelInput(results.get(confirmed.get(i)).code(), phone(100 + confirmed.get(i)))));
        List<Signup> after = db.activities.signups(a.id(), SECRETARY_A);
        assertThat(after).filteredOn(x -> x.status() == SignupStatus.CONFIRMED).extracting(Signup::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(capacity + 1, 2L * capacity).boxed().toList());
        assertThat(after).filteredOn(x -> x.status() == SignupStatus.WAITLISTED).extracting(Signup::waitlistPosition)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, threads - 2 * capacity)
                        .boxed().toList());
    }

    interface Step<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code n} steps on {@code n} threads released at the same moment; returns their results. */
    static <T> List<T> together(int n, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    go.await();
                    return step.run(k);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Figures per venue and month against hand-counted values. March 2026: the hall holds three activities
     * (5 confirmed, 2 came), the room one (1 confirmed, 1 came); a withdrawn activity and April's do not count.
     */
    static void figures(ActivityDb db) {
        ActivityService s = db.activities;
        db.at(LocalDateTime.of(2026, 3, 1, 10, 0));
        // hall, 10 March, 3 places: 4 sign-ups → 3 confirmed, 1 waitlisted
        Activity a1 = db.publish("健康讲座", ActivityDb.HALL, LocalDateTime.of(2026, 3, 10, 9, 0),
                LocalDateTime.of(2026, 3, 10, 11, 0), 3);
        for (int i = 1; i <= 4; i++) {
            s.signUp(a1.id(), new SignupInput("甲" + i, phone(200 + i)));
        }
        // hall, 20 March, 2 places: 2 sign-ups, one cancels → 1 confirmed
        Activity a2 = db.publish("亲子手工", ActivityDb.HALL, LocalDateTime.of(2026, 3, 20, 14, 0),
                LocalDateTime.of(2026, 3, 20, 16, 0), 2);
        s.signUp(a2.id(), new SignupInput("乙1", phone(301)));
        SignupResult leaving = s.signUp(a2.id(), new SignupInput("乙2", phone(302)));
        s.cancel(a2.id(), new CancelInput(leaving.code(), phone(302)));
        // hall, last evening of March: 1 confirmed
        Activity late = db.publish("月末观影", ActivityDb.HALL, LocalDateTime.of(2026, 3, 31, 19, 0),
                LocalDateTime.of(2026, 3, 31, 21, 0), 50);
        s.signUp(late.id(), new SignupInput("己1", phone(701)));
        // hall, 25 March, withdrawn: does not count
        Activity withdrawn = db.publish("取消的活动", ActivityDb.HALL, LocalDateTime.of(2026, 3, 25, 9, 0),
                LocalDateTime.of(2026, 3, 25, 10, 0), 5);
        s.signUp(withdrawn.id(), new SignupInput("丙1", phone(401)));
        s.withdraw(withdrawn.id(), SECRETARY_A);
        assertThatThrownBy(() -> s.signUp(withdrawn.id(), new SignupInput("丙2", phone(402))))
                .isInstanceOf(SignupConflict.class);
        // room, 15 March: 1 confirmed, who comes
        Activity a3 = db.publish("楼栋议事会", ActivityDb.ROOM, LocalDateTime.of(2026, 3, 15, 10, 0),
                LocalDateTime.of(2026, 3, 15, 11, 0), 5);
        s.signUp(a3.id(), new SignupInput("丁1", phone(501)));
        // room, 2 April: 2 confirmed, in April's figures
        Activity a4 = db.publish("四月读书会", ActivityDb.ROOM, LocalDateTime.of(2026, 4, 2, 10, 0),
                LocalDateTime.of(2026, 4, 2, 11, 0), 5);
        s.signUp(a4.id(), new SignupInput("戊1", phone(601)));
        s.signUp(a4.id(), new SignupInput("戊2", phone(602)));

        // attendance only from the day on, only by the publishing unit, only for confirmed sign-ups
        assertThatThrownBy(() -> s.markAttended(a1.id(), new AttendanceInput(phone(201)), SECRETARY_A))
                .isInstanceOf(SignupConflict.class)
                .extracting(e -> ((SignupConflict) e).code()).isEqualTo("not_started");
        db.at(LocalDateTime.of(2026, 3, 10, 9, 5));
        assertThatThrownBy(() -> s.markAttended(a1.id(), new AttendanceInput(phone(201)),
                List.of("community-secretary", "community:C-XJ-01")))
                .isInstanceOf(Forbidden.class);
        s.markAttended(a1.id(), new AttendanceInput(phone(201)), SECRETARY_A);
        s.markAttended(a1.id(), new AttendanceInput(phone(202)), SECRETARY_A);
        s.markAttended(a1.id(), new AttendanceInput(phone(202)), SECRETARY_A); // twice is once
        assertThatThrownBy(() -> s.markAttended(a1.id(), new AttendanceInput(phone(204)), SECRETARY_A))
                .isInstanceOf(SignupConflict.class)
                .extracting(e -> ((SignupConflict) e).code()).isEqualTo("not_confirmed");
        assertThatThrownBy(() -> s.markAttended(a1.id(), new AttendanceInput(phone(999)), SECRETARY_A))
                .isInstanceOf(ActivityNotFound.class);
        db.at(LocalDateTime.of(2026, 3, 15, 12, 0));
        s.markAttended(a3.id(), new AttendanceInput(phone(501)), SECRETARY_A);

        assertThat(db.figures.perVenue(YearMonth.of(2026, 3))).containsExactly(
                java.util.Map.entry(ActivityDb.HALL, new VenueFigures(3, 5, 2)),
                java.util.Map.entry(ActivityDb.ROOM, new VenueFigures(1, 1, 1)));
        assertThat(db.figures.perVenue(YearMonth.of(2026, 4))).containsExactly(
                java.util.Map.entry(ActivityDb.ROOM, new VenueFigures(1, 2, 0)));
        assertThat(db.figures.perVenue(YearMonth.of(2026, 2))).isEmpty();
    }
}
