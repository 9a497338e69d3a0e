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

/** /admin/sms: text messages to residents waiting, failed and why, sent; a failed one can be sent again. */
@Controller
@RequestMapping("/admin/sms")
class SmsAdminController {

    private final SmsOutbox outbox;

    SmsAdminController(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(Model model) {
        Map<OutboxStatus, Long> counts = outbox.counts();
        model.addAttribute("pendingCount", counts.get(OutboxStatus.PENDING));
        model.addAttribute("failedCount", counts.get(OutboxStatus.FAILED));
        model.addAttribute("sentCount", counts.get(OutboxStatus.SENT));
        model.addAttribute("failed", rows(OutboxStatus.FAILED, MailAdminController.LIST_LIMIT));
        model.addAttribute("pending", rows(OutboxStatus.PENDING, MailAdminController.LIST_LIMIT));
        model.addAttribute("sent", rows(OutboxStatus.SENT, MailAdminController.SENT_LIMIT));
        return "admin/sms";
    }

    private List<SmsAdminRow> rows(OutboxStatus status, int limit) {
        return outbox.recent(status, limit).stream().map(s -> SmsAdminRow.of(s, outbox.zone())).toList();
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", outbox.retry(id)
                ? "短信 #" + id + " 已重新排队，将在下一轮发送。"
                : "短信 #" + id + " 不是可重发的失败短信，未作处理。");
        return "redirect:/admin/sms";
    }
}
