package cn.lianban.field;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * A filing sent again with the same request id (a double tap, or a retry after an answer lost on a slow connection)
 * files nothing new: it gets the first one's business key. A second request that arrives while the first is still
 * filing waits for it. A refused filing is forgotten, so the corrected form may be sent with the same id.
 * <p>
 * Kept in this node's memory for a day: a login's requests reach one node (sticky sessions, README "Operations"),
 * and a page that lost its session has lost its form too. The alternative, a table of request ids, needs a
 * migration for what is a guard against repeats within seconds.
 */
@Component
class OnceOnly {

    static final Duration KEPT = Duration.ofDays(1);

    private final ConcurrentHashMap<String, Filing> filings = new ConcurrentHashMap<>();
    private final Clock clock;

    OnceOnly(Clock clock) {
        this.clock = clock;
    }

    /** The business key, and whether this request only repeated an earlier one. */
    record Result(String businessKey, boolean repeated) {
    }

    private record Filing(Instant at, CompletableFuture<String> businessKey) {
    }

    Result file(String userId, String requestId, Supplier<String> filing) {
        Instant now = clock.instant();
        filings.values().removeIf(f -> f.at().isBefore(now.minus(KEPT)));
        String key = userId + "\n" + requestId;
        Filing mine = new Filing(now, new CompletableFuture<>());
        Filing earlier = filings.putIfAbsent(key, mine);
        if (earlier != null) {
            return new Result(await(earlier.businessKey()), true);
        }
        try {
            String businessKey = filing.get();
            mine.businessKey().complete(businessKey);
            return new Result(businessKey, false);
        } catch (RuntimeException e) {
            filings.remove(key, mine);
            mine.businessKey().completeExceptionally(e);
            throw e;
        }
    }

    private static String await(CompletableFuture<String> businessKey) {
        try {
            return businessKey.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
