package cn.lianban.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * How many bookings and sign-ups residents make without an account: at most a few an hour per phone number and
 * more per client address (many residents may share one address behind a mobile network). Only what succeeds
 * counts; a refused request gives its place back. Beyond the limit: 429 with the contract's error body.
 *
 * <p>Kept in memory: each node counts on its own, and a restart forgets.
 */
@Service
public class ResidentQuota {

    /** What is counted, each on its own. */
    public enum Kind {
        BOOKING("预约"), SIGNUP("报名"),
        /** Lookups of the status page, by ticket number (as the phone): every lookup counts, right or wrong. */
        STATUS("查询进度");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int PRUNE_ABOVE = 10_000;

    private final int perPhone;
    private final int perAddress;
    private final Map<String, Deque<Instant>> spent = new HashMap<>();
    private final Clock clock;

    public ResidentQuota(@Value("${lianban.residents.per-phone-per-hour:5}") int perPhone,
                         @Value("${lianban.residents.per-address-per-hour:60}") int perAddress, Clock clock) {
        this.perPhone = perPhone;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /**
     * Runs {@code work} (a booking or sign-up of {@code phone} from {@code address}) if both are under their limit.
     *
     * @throws ApiException 429 {@code too_many_requests} when the phone or the address has reached its limit
     */
    public <T> T spend(Kind kind, String phone, String address, Supplier<T> work) {
        String byPhone = phone == null || phone.isBlank() ? null : kind + "|phone|" + phone.strip();
        String byAddress = kind + "|address|" + address;
        take(kind, byPhone, byAddress);
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            if (!done) {
                giveBack(byPhone, byAddress);
            }
        }
    }

    /** Forgets everything (tests). */
    public synchronized void clear() {
        spent.clear();
    }

    private synchronized void take(Kind kind, String byPhone, String byAddress) {
        Instant now = clock.instant();
        if (spent.size() > PRUNE_ABOVE) {
            spent.values().forEach(times -> expire(times, now));
            spent.values().removeIf(Deque::isEmpty);
        }
        if (byPhone != null && used(byPhone, now) >= perPhone) {
            throw refusal("同一手机号每小时最多" + kind.label + " " + perPhone + " 次，请稍后再试。");
        }
        if (used(byAddress, now) >= perAddress) {
            throw refusal("同一网络每小时最多" + kind.label + " " + perAddress + " 次，请稍后再试。");
        }
        for (String key : byPhone == null ? List.of(byAddress) : List.of(byPhone, byAddress)) {
            spent.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        }
    }

    private synchronized void giveBack(String byPhone, String byAddress) {
        for (String key : byPhone == null ? List.of(byAddress) : List.of(byPhone, byAddress)) {
            Deque<Instant> times = spent.get(key);
            if (times != null) {
                times.pollLast();
            }
        }
    }

    private int used(String key, Instant now) {
        Deque<Instant> times = spent.get(key);
        if (times == null) {
            return 0;
        }
        expire(times, now);
        return times.size();
    }

    private static void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.pollFirst();
        }
    }

    private static ApiException refusal(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", message);
    }
}
