package cn.lianban.security.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing: every login name and every client address gets a few failed logins free, then
 * each further failure blocks it for a delay that doubles up to a cap. A blocked login or address is refused
 * without its password being checked. A login's cap is short (30 s by default), so nobody can keep someone else
 * out for long by typing wrong passwords under their name; an address's cap is long (15 min), so one caller
 * cannot keep on guessing. Failures are forgotten after a quiet hour; a successful login clears its login name
 * (not its address). Camunda's own login lock, which is permanent after a number of failures, is switched off in
 * favour of this one ({@code loginMaxAttempts} in application.yaml).
 *
 * <p>Kept in memory: each node throttles on its own, and a restart forgets.
 */
@Service
public class LoginThrottle {

    /** A login name or a client address. */
    public enum Kind { LOGIN, ADDRESS }

    /** One failed login as the administrators' page lists it. */
    public record Failure(Instant at, String login, String address, boolean refusedUnchecked) {
    }

    /** A login name or address with failures, and until when it is blocked (null: not blocked). */
    public record Standing(Kind kind, String value, int failures, Instant lastFailure, Instant blockedUntil) {
    }

    /** How many failures are free, and the growing delay after them. */
    public record Limits(int freeFailures, Duration firstDelay, Duration maxDelay) {

        Duration delayAfter(int failures) {
            int over = failures - freeFailures;
            if (over <= 0) {
                return Duration.ZERO;
            }
            Duration delay = firstDelay.multipliedBy(1L << Math.min(over - 1, 30));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private static final int RECENT = 200;
    private static final int PRUNE_ABOVE = 10_000;

    private final Limits perLogin;
    private final Limits perAddress;
    private final Duration forgetAfter;
    private final Map<Key, Standing> standings = new HashMap<>();
    private final Deque<Failure> recent = new ArrayDeque<>();
    private final Clock clock;

    @Autowired
    public LoginThrottle(@Value("${lianban.login.free-failures-per-login:5}") int freePerLogin,
                         @Value("${lianban.login.max-delay-per-login:PT30S}") Duration maxDelayPerLogin,
                         @Value("${lianban.login.free-failures-per-address:10}") int freePerAddress,
                         @Value("${lianban.login.max-delay-per-address:PT15M}") Duration maxDelayPerAddress,
                         @Value("${lianban.login.first-delay:PT1S}") Duration firstDelay,
                         @Value("${lianban.login.forget-after:PT1H}") Duration forgetAfter, Clock clock) {
        this(new Limits(freePerLogin, firstDelay, maxDelayPerLogin),
                new Limits(freePerAddress, firstDelay, maxDelayPerAddress), forgetAfter, clock);
    }

    public LoginThrottle(Limits perLogin, Limits perAddress, Duration forgetAfter, Clock clock) {
        this.perLogin = perLogin;
        this.perAddress = perAddress;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** How long the login name or the address must still wait; empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String login, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(new Key(Kind.LOGIN, normal(login)), now),
                blockedUntil(new Key(Kind.ADDRESS, address), now));
        if (until == null) {
            return Optional.empty();
        }
        recordRecent(new Failure(now, login, address, true));
        return Optional.of(Duration.between(now, until));
    }

    /** A wrong password (or an unknown login) from this address. */
    public synchronized void failed(String login, String address) {
        Instant now = clock.instant();
        count(new Key(Kind.LOGIN, normal(login)), perLogin, now);
        count(new Key(Kind.ADDRESS, address), perAddress, now);
        recordRecent(new Failure(now, login, address, false));
    }

    /** A good password: the login name starts afresh. The address keeps its failures until they are forgotten. */
    public synchronized void succeeded(String login) {
        standings.remove(new Key(Kind.LOGIN, normal(login)));
    }

    /** An administrator lifts the block and forgets the failures of a login name or an address. */
    public synchronized boolean release(Kind kind, String value) {
        return standings.remove(new Key(kind, kind == Kind.LOGIN ? normal(value) : value)) != null;
    }

    /** Login names and addresses with failures not yet forgotten, blocked ones first, then the latest failure. */
    public synchronized List<Standing> standings() {
        Instant now = clock.instant();
        standings.values().removeIf(s -> forgotten(s, now));
        return standings.values().stream()
                .map(s -> s.blockedUntil() != null && !s.blockedUntil().isAfter(now)
                        ? new Standing(s.kind(), s.value(), s.failures(), s.lastFailure(), null) : s)
                .sorted(Comparator.comparing((Standing s) -> s.blockedUntil() == null)
                        .thenComparing(Standing::lastFailure, Comparator.reverseOrder()))
                .toList();
    }

    /** The latest failed logins, newest first (at most 200). */
    public synchronized List<Failure> recentFailures() {
        return new ArrayList<>(recent);
    }

    /** Forgets everything (tests). */
    public synchronized void clear() {
        standings.clear();
        recent.clear();
    }

    private void count(Key key, Limits limits, Instant now) {
        if (standings.size() > PRUNE_ABOVE) {
            standings.values().removeIf(s -> forgotten(s, now));
        }
        Standing before = standings.get(key);
        int failures = before == null || forgotten(before, now) ? 1 : before.failures() + 1;
        Duration delay = limits.delayAfter(failures);
        standings.put(key, new Standing(key.kind(), key.value(), failures, now,
                delay.isZero() ? null : now.plus(delay)));
    }

    private Instant blockedUntil(Key key, Instant now) {
        Standing s = standings.get(key);
        return s == null || s.blockedUntil() == null || !s.blockedUntil().isAfter(now) ? null : s.blockedUntil();
    }

    private boolean forgotten(Standing s, Instant now) {
        return s.lastFailure().plus(forgetAfter).isBefore(now);
    }

    private void recordRecent(Failure failure) {
        recent.addFirst(failure);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Camunda's user ids are matched case-sensitively, but guessing "Admin" must count against "admin". */
    private static String normal(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    private record Key(Kind kind, String value) {
    }
}
