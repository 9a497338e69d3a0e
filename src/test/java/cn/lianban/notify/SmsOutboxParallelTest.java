package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS outbox sending several phones at once (lianban.sms.parallel): each phone's messages in order and one at a
 * time, a phone whose messages fail holds only its own later ones, and two nodes never send a message twice.
 */
class SmsOutboxParallelTest {

    static final int MAX_ATTEMPTS = 3;

    final NotifyFixture f = new NotifyFixture(1, MAX_ATTEMPTS);
    final List<SmsOutbox> outboxes = new ArrayList<>();

    @AfterEach
    void close() {
        outboxes.forEach(SmsOutbox::close);
        f.close();
    }

    SmsOutbox outbox(SmsSender sender, int parallel) {
        SmsOutbox outbox = f.smsOutbox(sender, MAX_ATTEMPTS, parallel);
        outboxes.add(outbox);
        return outbox;
    }

    /** Records what it is handed, after a random pause, and notes when a phone gets two messages at once. */
    static final class Recorder implements SmsSender {
        final Queue<FakeSmsSender.Sent> sent = new ConcurrentLinkedQueue<>();
        final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        final AtomicInteger overlapsOnOnePhone = new AtomicInteger();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final int maxPauseMs;

        Recorder(int maxPauseMs) {
            this.maxPauseMs = maxPauseMs;
        }

        @Override
        public void send(String phone, String text) {
            if (!inFlight.add(phone)) {
                overlapsOnOnePhone.incrementAndGet();
            }
            try {
                if (refused.contains(phone)) {
                    throw new IllegalStateException("gateway refused: HTTP 500");
                }
                if (maxPauseMs > 0) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(maxPauseMs + 1));
                }
                sent.add(new FakeSmsSender.Sent(phone, text));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.remove(phone);
            }
        }

        List<String> texts(String phone) {
            return sent.stream().filter(s -> s.phone().equals(phone)).map(FakeSmsSender.Sent::text).toList();
        }
    }

    static String phone(int p) {
        return "1380013%04d".formatted(p);
    }

    /** Message {@code m} to phone {@code p}, queued interleaved with the other phones' (as a day's bookings are). */
    void queue(int phones, int perPhone) {
        for (int m = 1; m <= perPhone; m++) {
            for (int p = 1; p <= phones; p++) {
                outboxes.get(0).send(phone(p), text(p, m), SmsKind.BOOKING_CONFIRMED, "B-" + p);
            }
        }
    }

    static String text(int p, int m) {
        return "【联办】预约B-%d的第%d条短信。".formatted(p, m);
    }

    static List<String> texts(int p, int from, int to) {
        List<String> texts = new ArrayList<>();
        for (int m = from; m <= to; m++) {
            texts.add(text(p, m));
        }
        return texts;
    }

    Map<String, Long> statuses() {
        return f.jdbc.queryForList("SELECT status FROM sms_outbox", String.class).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    OutboxSms row(int p, int m) {
        long id = f.jdbc.queryForObject("SELECT id FROM sms_outbox WHERE body = ?", Long.class, text(p, m));
        return outboxes.get(0).find(id).orElseThrow();
    }

    @Test
    void eachPhonesMessagesLeaveInOrderAndOneAtATime() {
        Recorder provider = new Recorder(15);
        SmsOutbox outbox = outbox(provider, 8);
        queue(6, 12); // 72 messages: two batches of the poller
        int sent = 0;
        for (int round; (round = outbox.sendPending()) > 0; ) {
            sent += round;
        }
        assertThat(sent).isEqualTo(72);
        assertThat(statuses()).containsOnly(Map.entry("SENT", 72L));
        for (int p = 1; p <= 6; p++) {
            assertThat(provider.texts(phone(p))).as("phone %d", p).containsExactlyElementsOf(texts(p, 1, 12));
        }
        assertThat(provider.overlapsOnOnePhone).as("one phone, one message at a time").hasValue(0);
    }

    @Test
    void eightPhonesAreSentToAtOnceOnNamedThreadsThatEndWithTheOutbox() {
        int phones = 8;
        CountDownLatch allInFlight = new CountDownLatch(phones);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger metTheOthers = new AtomicInteger();
        SmsOutbox outbox = outbox((phone, text) -> {
            threads.add(Thread.currentThread().getName());
            allInFlight.countDown();
            try {
                // a gateway's 200 ms: the latch opens only when all eight are being handed over at the same time
                if (allInFlight.await(10, TimeUnit.SECONDS)) {
                    metTheOthers.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, phones);
        queue(phones, 1);

        assertThat(outbox.sendPending()).isEqualTo(phones);
        assertThat(metTheOthers).as("all eight in flight together").hasValue(phones);
        assertThat(threads).hasSize(phones).allMatch(name -> name.startsWith("sms-send-"));

        outbox.close();
        queue(1, 1);
        assertThatThrownBy(outbox::sendPending).as("the pool ends with the bean")
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(statuses()).as("a message not handed over stays due").containsEntry("PENDING", 1L);
    }

    @Test
    void aPhoneWhoseMessageFailsKeepsItsLaterOnesBehindItAndTheOtherPhonesAreSent() {
        Recorder provider = new Recorder(0);
        SmsOutbox outbox = outbox(provider, 4);
        queue(3, 3);
        provider.refused.add(phone(1));

        assertThat(outbox.sendPending()).isEqualTo(6);
        assertThat(provider.texts(phone(2))).containsExactlyElementsOf(texts(2, 1, 3));
        assertThat(provider.texts(phone(3))).containsExactlyElementsOf(texts(3, 1, 3));
        assertThat(provider.texts(phone(1))).isEmpty();
        OutboxSms first = row(1, 1);
        assertThat(first.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("HTTP 500");
        assertThat(first.nextAttemptAt()).as("backoff as before").isEqualTo(first.createdAt().plusSeconds(30));
        assertThat(List.of(row(1, 2), row(1, 3))).as("the later ones were not tried: due, no attempt counted")
                .allSatisfy(later -> {
                    assertThat(later.status()).isEqualTo(OutboxStatus.PENDING);
                    assertThat(later.attempts()).isZero();
                    assertThat(later.lastError()).isNull();
                    assertThat(later.nextAttemptAt()).isEqualTo(later.createdAt());
                });

        f.clock.advance(Duration.ofSeconds(10)); // the next poll: the first is in backoff, the later ones wait for it
        provider.refused.clear();
        assertThat(outbox.sendPending()).isZero();
        assertThat(provider.texts(phone(1))).isEmpty();

        f.clock.advance(Duration.ofSeconds(20)); // the first is due again: all three go, in order
        assertThat(outbox.sendPending()).isEqualTo(3);
        assertThat(provider.texts(phone(1))).containsExactlyElementsOf(texts(1, 1, 3));
        assertThat(row(1, 1).attempts()).isEqualTo(2);
        assertThat(statuses()).containsOnly(Map.entry("SENT", 9L));
    }

    @Test
    void aFailedMessageNoLongerHoldsItsPhonesLaterOnes() {
        Recorder provider = new Recorder(0);
        SmsOutbox outbox = outbox(provider, 4);
        queue(1, 2);
        provider.refused.add(phone(1));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(outbox.sendPending()).isZero();
            assertThat(row(1, 2).attempts()).as("the second waits untried").isZero();
            f.clock.advance(Duration.ofHours(1));
        }
        assertThat(row(1, 1).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(row(1, 1).attempts()).isEqualTo(MAX_ATTEMPTS);

        provider.refused.clear();
        assertThat(outbox.sendPending()).isEqualTo(1);
        assertThat(provider.texts(phone(1))).containsExactly(text(1, 2));
    }

    @Test
    void aMessageNotYetDueBecauseItWasWrittenByAClockAheadHoldsNothing() {
        Recorder provider = new Recorder(0);
        SmsOutbox outbox = outbox(provider, 4);
        f.clock.advance(Duration.ofSeconds(2)); // another node's clock, a little ahead of this one's
        outbox.send(phone(1), text(1, 1), SmsKind.BOOKING_CONFIRMED, "B-1");
        f.clock.advance(Duration.ofSeconds(-2));
        outbox.send(phone(1), text(1, 2), SmsKind.BOOKING_CONFIRMED, "B-1");

        assertThat(outbox.sendPending()).as("only a lease or a backoff holds a phone's later messages").isEqualTo(1);
        assertThat(provider.texts(phone(1))).containsExactly(text(1, 2));
    }

    @Test
    void twoNodesOnOneDatabaseNeverSendAMessageTwiceAndKeepEachPhonesOrder() throws Exception {
        Recorder provider = new Recorder(3);
        List<SmsOutbox> nodes = List.of(outbox(provider, 4), outbox(provider, 4));
        queue(20, 10); // 200 messages, four batches
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (SmsOutbox node : nodes) {
                polls.add(pollers.submit(() -> {
                    int sent = 0;
                    while (f.jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox WHERE status = 'PENDING'",
                            Long.class) > 0) {
                        sent += node.sendPending();
                    }
                    return sent;
                }));
            }
            int total = 0;
            for (Future<Integer> poll : polls) {
                total += poll.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(200);
        } finally {
            pollers.shutdownNow();
        }
        assertThat(provider.sent).hasSize(200).doesNotHaveDuplicates();
        assertThat(statuses()).containsOnly(Map.entry("SENT", 200L));
        assertThat(f.jdbc.queryForList("SELECT DISTINCT attempts FROM sms_outbox", Integer.class)).containsOnly(1);
        for (int p = 1; p <= 20; p++) {
            assertThat(provider.texts(phone(p))).as("phone %d", p).containsExactlyElementsOf(texts(p, 1, 10));
        }
        assertThat(provider.overlapsOnOnePhone).as("not even across the two nodes").hasValue(0);
    }
}
