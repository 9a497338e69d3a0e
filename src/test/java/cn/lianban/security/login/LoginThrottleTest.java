package cn.lianban.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.lianban.support.MutableClock;
import cn.lianban.security.login.LoginThrottle.Kind;
import cn.lianban.security.login.LoginThrottle.Limits;

/** Growing delays per login name and per address, capped, forgotten after a quiet hour, lifted by an administrator. */
class LoginThrottleTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-12-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    LoginThrottle throttle = new LoginThrottle(new Limits(3, Duration.ofSeconds(1), Duration.ofSeconds(30)),
            new Limits(5, Duration.ofSeconds(1), Duration.ofMinutes(15)), Duration.ofHours(1), clock);

    @Test
    void aLoginNameGetsAFewFreeFailuresThenDoublingDelaysUpToItsCap() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("secretary", "10.0.0." + i);
            assertThat(throttle.waitFor("secretary", "10.0.1.1")).isEmpty();
        }
        throttle.failed("secretary", "10.0.0.9");
        assertThat(throttle.waitFor("secretary", "10.0.1.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("admin", "10.0.1.1")).as("other logins are not held up").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("secretary", "10.0.1.1")).isEmpty();
        Duration previous = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            throttle.failed("Secretary", "10.0.2." + i); // the same login in other letters counts too
            Duration wait = throttle.waitFor("secretary", "10.0.1.1").orElseThrow();
            assertThat(wait).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofSeconds(30));
            previous = wait;
            clock.advance(wait);
        }
        assertThat(previous).as("capped: nobody keeps a user out for long").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void oneAddressGuessingManyLoginsIsHeldUpForLonger() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThat(throttle.waitFor("someone-else", "203.0.113.7")).isEmpty();
        Duration wait = Duration.ZERO;
        for (int i = 5; i < 20; i++) {
            clock.advance(wait);
            throttle.failed("user" + i, "203.0.113.7");
            wait = throttle.waitFor("someone-else", "203.0.113.7").orElseThrow();
        }
        assertThat(wait).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("someone-else", "198.51.100.1")).as("other addresses are not held up").isEmpty();
    }

    @Test
    void successClearsTheLoginNameAndAQuietHourForgetsEverything() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("housing", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded("housing");
        throttle.failed("housing", "10.0.0.1");
        assertThat(throttle.waitFor("housing", "10.0.0.2")).as("counting starts afresh").isEmpty();

        for (int i = 0; i < 5; i++) {
            throttle.failed("urban", "10.0.0.3");
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("urban", "10.0.0.3");
        assertThat(throttle.waitFor("urban", "10.0.0.3")).isEmpty();
        assertThat(throttle.standings()).extracting(LoginThrottle.Standing::failures).containsOnly(1);
    }

    @Test
    void anAdministratorSeesTheFailuresAndLiftsABlock() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        Optional<Duration> refused = throttle.waitFor("admin", "10.0.0.1");
        assertThat(refused).isPresent();
        assertThat(throttle.standings()).first().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.LOGIN);
            assertThat(s.value()).isEqualTo("admin");
            assertThat(s.failures()).isEqualTo(4);
            assertThat(s.blockedUntil()).isEqualTo(clock.instant().plusSeconds(1));
        });
        assertThat(throttle.recentFailures()).hasSize(5).first()
                .satisfies(f -> assertThat(f.refusedUnchecked()).isTrue());

        assertThat(throttle.release(Kind.LOGIN, "admin")).isTrue();
        assertThat(throttle.waitFor("admin", "10.0.0.1")).isEmpty();
    }
}
