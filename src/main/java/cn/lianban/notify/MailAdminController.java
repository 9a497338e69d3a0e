package cn.lianban.notify;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/mail: what is waiting, what failed and why, and a button to send a failed mail again. */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

    static final int LIST_LIMIT = 200;
    static final int SENT_LIMIT = 20;

    private final MailOutbox outbox;

    MailAdminController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(Model model) {
        Map<OutboxStatus, Long> counts = outbox.counts();
        model.addAttribute("pendingCount", counts.get(OutboxStatus.PENDING));
        model.addAttribute("failedCount", counts.get(OutboxStatus.FAILED));
        model.addAttribute("sentCount", counts.get(OutboxStatus.SENT));
        model.addAttribute("failed", rows(OutboxStatus.FAILED, LIST_LIMIT));
        model.addAttribute("pending", rows(OutboxStatus.PENDING, LIST_LIMIT));
        model.addAttribute("sent", rows(OutboxStatus.SENT, SENT_LIMIT));
        return "admin/mail";
    }

    private List<MailAdminRow> rows(OutboxStatus status, int limit) {
        return outbox.recent(status, limit).stream().map(m -> MailAdminRow.of(m, outbox.zone())).toList();
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        boolean failed = outbox.find(id).map(m -> m.status() == OutboxStatus.FAILED).orElse(false);
        if (failed) {
            outbox.retry(id);
        }
        redirect.addFlashAttribute("message", failed
                ? "邮件 #" + id + " 已重新排队，将在下一轮发送。"
                : "邮件 #" + id + " 不是发送失败状态，未作处理。");
        return "redirect:/admin/mail";
    }
}
