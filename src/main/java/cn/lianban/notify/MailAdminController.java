package cn.lianban.notify;

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

    private static final OutboxPage PAGE = new OutboxPage("邮件", "/admin/mail", "mail",
            "通知邮件先写入队列，事务提交后由后台定时发送；邮件服务器不可用时按退避间隔自动重试，"
                    + "多次失败后标记为“发送失败”，可在此处排查原因后重新发送。", "收件人", "主题");

    private final MailOutbox outbox;

    MailAdminController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(Model model) {
        return PAGE.render(model, outbox.counts(), (status, limit) ->
                outbox.recent(status, limit).stream().map(m -> MailAdminRow.of(m, outbox.zone())).toList());
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        // one conditional UPDATE decides: reading the status first and then updating could race a second click
        redirect.addFlashAttribute("message", outbox.retry(id)
                ? "邮件 #" + id + " 已重新排队，将在下一轮发送。"
                : "邮件 #" + id + " 不是发送失败状态，未作处理。");
        return "redirect:/admin/mail";
    }
}
