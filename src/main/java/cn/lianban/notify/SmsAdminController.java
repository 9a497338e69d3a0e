package cn.lianban.notify;

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

    private static final OutboxPage PAGE = new OutboxPage("短信", "/admin/sms", "sms",
            "给群众的短信先写入队列，事务提交后由后台定时交给短信服务商；服务商不可用时按退避间隔自动重试，"
                    + "多次失败后标记为“发送失败”，可在此处排查原因后重新发送。手机号只显示前三位和后四位。", "手机号", "内容");

    private final SmsOutbox outbox;

    SmsAdminController(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(Model model) {
        return PAGE.render(model, outbox.counts(), (status, limit) ->
                outbox.recent(status, limit).stream().map(s -> SmsAdminRow.of(s, outbox.zone())).toList());
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", outbox.retry(id)
                ? "短信 #" + id + " 已重新排队，将在下一轮发送。"
                : "短信 #" + id + " 不是可重发的失败短信，未作处理。");
        return "redirect:/admin/sms";
    }
}
