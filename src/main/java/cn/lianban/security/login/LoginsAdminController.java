package cn.lianban.security.login;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.LocalTimes;
import cn.lianban.security.login.LoginThrottle.Kind;

/**
 * /admin/logins (administrators): login names and addresses with failed logins, which of them are blocked and until
 * when, the latest failures; a button lifts a block. Lifting a login name's block also lifts Camunda's own lock of
 * that user, which an account may still carry from before the project's throttle.
 */
@Controller
@RequestMapping("/admin/logins")
class LoginsAdminController {

    /** A login name or address as the page shows it. */
    record Row(String kind, String kindLabel, String value, int failures, String lastFailure, String blockedUntil) {
    }

    /** One failed login as the page shows it. */
    record FailureRow(String at, String login, String address, String outcome) {
    }

    private final LoginThrottle throttle;
    private final IdentityService identity;

    LoginsAdminController(LoginThrottle throttle, IdentityService identity) {
        this.throttle = throttle;
        this.identity = identity;
    }

    @GetMapping
    String page(Model model) {
        List<Row> rows = throttle.standings().stream().map(s -> new Row(s.kind().name(),
                s.kind() == Kind.LOGIN ? "登录名" : "来源地址", s.value(), s.failures(),
                LocalTimes.seconds(s.lastFailure()), LocalTimes.seconds(s.blockedUntil()))).toList();
        List<FailureRow> failures = throttle.recentFailures().stream().map(f -> new FailureRow(
                LocalTimes.seconds(f.at()), f.login(), f.address(),
                f.refusedUnchecked() ? "锁定期间再次尝试，未核对密码" : "密码错误或登录名不存在")).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("failures", failures);
        return "admin/logins";
    }

    /** Lifts the block of a login name or an address (and Camunda's own lock of a login name). */
    @PostMapping("/release")
    String release(@RequestParam String kind, @RequestParam String value, RedirectAttributes redirect) {
        Kind which = "ADDRESS".equals(kind) ? Kind.ADDRESS : Kind.LOGIN;
        String target = value.strip();
        if (target.isEmpty()) {
            redirect.addFlashAttribute("message", "请填写登录名。");
            return "redirect:/admin/logins";
        }
        throttle.release(which, target);
        if (which == Kind.LOGIN && identity.createUserQuery().userId(target).count() > 0) {
            identity.unlockUser(target);
        }
        redirect.addFlashAttribute("message", (which == Kind.LOGIN ? "登录名 " : "来源地址 ") + target
                + " 已解除锁定，可以立即重新登录。");
        return "redirect:/admin/logins";
    }
}
