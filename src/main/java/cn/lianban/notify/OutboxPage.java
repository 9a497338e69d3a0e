package cn.lianban.notify;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.ui.Model;

/**
 * What differs between /admin/mail and /admin/sms; both render {@code templates/admin/outbox.html}: counts, the
 * failed and pending messages (200 at most each) and the 20 sent last.
 *
 * @param noun  邮件 or 短信
 * @param cells the fragment of {@code admin/outbox-cells} with a message's own cells
 * @param to    the heading of the recipient column
 * @param content the heading of the subject or text column
 */
record OutboxPage(String noun, String path, String cells, String intro, String to, String content) {

    static final int LIST_LIMIT = 200;
    static final int SENT_LIMIT = 20;

    /** @param rows a status's newest rows, at most the given number */
    String render(Model model, Map<OutboxStatus, Long> counts, BiFunction<OutboxStatus, Integer, List<?>> rows) {
        model.addAttribute("page", this);
        model.addAttribute("pendingCount", counts.get(OutboxStatus.PENDING));
        model.addAttribute("failedCount", counts.get(OutboxStatus.FAILED));
        model.addAttribute("sentCount", counts.get(OutboxStatus.SENT));
        model.addAttribute("failed", rows.apply(OutboxStatus.FAILED, LIST_LIMIT));
        model.addAttribute("pending", rows.apply(OutboxStatus.PENDING, LIST_LIMIT));
        model.addAttribute("sent", rows.apply(OutboxStatus.SENT, SENT_LIMIT));
        return "admin/outbox";
    }
}
