package cn.lianban.notify;

/**
 * A provider of text messages (an SMS gateway). {@link SmsOutbox} calls it after commit, one message per call, from up
 * to {@code lianban.sms.parallel} threads at once (never two messages to the same phone at once), so an
 * implementation must be thread-safe; exactly one bean is active, chosen by {@code lianban.sms.provider}.
 */
public interface SmsSender {

    /**
     * Hands one message to the provider.
     *
     * @param phone 11-digit mainland mobile number
     * @throws RuntimeException when the provider did not accept it; the outbox retries later
     */
    void send(String phone, String text);
}
