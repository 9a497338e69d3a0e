package cn.lianban.notify;

import java.util.ArrayList;
import java.util.List;

/** Records what it is handed; while {@link #down} is set it refuses every message, as a provider that is down. */
final class FakeSmsSender implements SmsSender {

    record Sent(String phone, String text) {
    }

    final List<Sent> sent = new ArrayList<>();
    boolean down;

    @Override
    public void send(String phone, String text) {
        if (down) {
            throw new IllegalStateException("gateway unavailable: HTTP 503");
        }
        sent.add(new Sent(phone, text));
    }
}
