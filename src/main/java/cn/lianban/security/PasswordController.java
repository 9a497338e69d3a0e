package cn.lianban.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import cn.lianban.common.RequestBodies;
import cn.lianban.directory.Passwords;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;

/**
 * 修改密码 ({@code /password}): any login changes its own password here, and a login whose password was given by
 * someone else must, before anything else ({@link ForcedPasswordChange}); after that change it goes on where the
 * login would have landed ({@link LoginLanding}). A refusal (wrong current password, too weak, the two entries
 * differ) says why and changes nothing.
 */
@Controller
class PasswordController {

    static final String PAGE = "/password";
    private static final String VIEW = "password";

    private final Passwords passwords;
    private final RequestBodies requests;
    private final LoginLanding landing;

    PasswordController(Passwords passwords, RequestBodies requests, LoginLanding landing) {
        this.passwords = passwords;
        this.requests = requests;
        this.landing = landing;
    }

    /** The form; {@code repeat} is the new password entered again. */
    record Change(@NotBlank(message = "请填写当前密码") String current,
                  @NotBlank(message = "请填写新密码") String next,
                  @NotBlank(message = "请再次输入新密码") String repeat) {
    }

    @GetMapping(PAGE)
    String page(Authentication user, Model model) {
        return show(user, model);
    }

    @PostMapping(PAGE)
    String change(Change form, Authentication user, Model model, HttpServletRequest request,
                  HttpServletResponse response) throws IOException, ServletException {
        boolean forced = passwords.mustChange(user.getName());
        List<String> problems = new ArrayList<>(requests.problems(form));
        if (problems.isEmpty() && !form.next().equals(form.repeat())) {
            problems.add("两次输入的新密码不一致，密码未修改");
        }
        if (problems.isEmpty()) {
            passwords.change(user.getName(), form.current(), form.next()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return show(user, model);
        }
        ForcedPasswordChange.remember(request, user.getName(), false);
        if (forced) {
            landing.land(request, response, user);
            return null;
        }
        model.addAttribute("changed", true);
        return show(user, model);
    }

    private String show(Authentication user, Model model) {
        model.addAttribute("forced", passwords.mustChange(user.getName()));
        model.addAttribute("rule", Passwords.RULE);
        return VIEW;
    }
}
