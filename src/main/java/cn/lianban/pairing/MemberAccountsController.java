package cn.lianban.pairing;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.ApiException;
import cn.lianban.common.FieldCodes;
import cn.lianban.common.Forbidden;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;

/**
 * Page {@code /pairing/logins} (issue 15): an administrator, or a street office for its street, finds agency members
 * and gives them a login (the initial password is shown once) or takes it away.
 */
@Controller
class MemberAccountsController implements PageAccess {

    static final String PAGE = "/pairing/logins";

    private final MemberAccounts accounts;

    MemberAccountsController(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String page() {
        return PAGE;
    }

    @Override
    public boolean mayUse(Authentication user) {
        // the header asks on every page: the login's roles answer most users without a query
        Set<String> groups = UserUnits.groups(user);
        return (groups.contains(Roles.ADMIN) || groups.contains(Roles.STREET_OFFICE))
                && accounts.mayManage(user.getName());
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String q, Authentication user, Model model) {
        return page(q, null, user, model);
    }

    @PostMapping(PAGE + "/{id}")
    String open(@PathVariable long id, @RequestParam(required = false) String login, Authentication user,
                Model model, HttpServletResponse response) {
        allowed(user);
        try {
            MemberAccounts.Opened opened = accounts.open(user.getName(), id, login, user.getName());
            model.addAttribute("opened", opened);
            return page(opened.login(), null, user, model);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return page(null, FieldCodes.withoutCodes(e.getMessage()), user, model);
        }
    }

    @PostMapping(PAGE + "/{id}/close")
    String close(@PathVariable long id, Authentication user, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        allowed(user);
        try {
            MemberAccounts.Row member = accounts.close(user.getName(), id, user.getName());
            redirect.addFlashAttribute("message", "已停用" + member.name() + "的登录名「" + member.login()
                    + "」，其服务记录保留。");
            return "redirect:" + PAGE + "?q=" + java.net.URLEncoder.encode(member.name(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return page(null, FieldCodes.withoutCodes(e.getMessage()), user, model);
        }
    }

    private String page(String q, String error, Authentication user, Model model) {
        allowed(user);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("error", error);
        model.addAttribute("members", accounts.search(user.getName(), q));
        return "pairing/logins";
    }

    private void allowed(Authentication user) {
        if (!mayUse(user)) {
            throw new Forbidden("下沉党员登录管理仅限管理员和街道办事处");
        }
    }
}
