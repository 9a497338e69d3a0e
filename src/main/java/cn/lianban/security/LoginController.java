package cn.lianban.security;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.lianban.security.login.LoginThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

@Controller
class LoginController {

    /** After a failed login ({@code ?error}) the page says why when it was throttled, else that the password is wrong. */
    @GetMapping("/login")
    public String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottled t) {
            model.addAttribute("loginError", t.getMessage());
        }
        return "login";
    }
}
