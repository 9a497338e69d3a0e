package cn.lianban.pairing;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.FieldCodes;
import cn.lianban.common.Forbidden;
import cn.lianban.common.RequestBodies;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.web.PageAccess;

/**
 * Page {@code /pairing/needs} (issue 15): a community secretary publishes the community's 微心愿 and 服务需求 for
 * the agency members paired with it, and sees who claimed which.
 */
@Controller
class NeedsController implements PageAccess {

    static final String PAGE = "/pairing/needs";

    private final CheckinDesk desk;
    private final Needs needs;
    private final Directory directory;
    private final RequestBodies bodies;

    NeedsController(CheckinDesk desk, Needs needs, Directory directory, RequestBodies bodies) {
        this.desk = desk;
        this.needs = needs;
        this.directory = directory;
        this.bodies = bodies;
    }

    @Override
    public String page() {
        return PAGE;
    }

    @Override
    public boolean mayUse(Authentication user) {
        return !desk.secretaryCommunities(user).isEmpty();
    }

    record Form(String kind, String title, String description) {
    }

    @GetMapping(PAGE)
    String page(Authentication user, Model model) {
        return page(user, new Form("WISH", "", ""), null, model);
    }

    @PostMapping(PAGE)
    String publish(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String description, Authentication user, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Set<String> communities = desk.secretaryOf(user);
        Form form = new Form(kind, title, description);
        try {
            Needs.Kind k;
            try {
                k = kind == null || kind.isBlank() ? null : Needs.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("bad_kind", "请选择需求类别：微心愿或服务需求");
            }
            Needs.NeedInput in = bodies.valid(new Needs.NeedInput(k, title, description), "invalid_need");
            needs.publish(communities.iterator().next(), in, user.getName());
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return page(user, form, FieldCodes.withoutCodes(e.getMessage()), model);
        }
        redirect.addFlashAttribute("message", "已发布「" + title.strip() + "」，结对单位的下沉党员可以认领。");
        return "redirect:" + PAGE;
    }

    private String page(Authentication user, Form form, String error, Model model) {
        Set<String> communities = desk.secretaryOf(user);
        if (communities.isEmpty()) {
            throw new Forbidden("您的登录未关联社区，不能发布需求");
        }
        model.addAttribute("community", communities.stream().map(c -> directory.community(c).map(Community::name)
                .orElse(c)).findFirst().orElse(""));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", List.of(Needs.Kind.values()));
        model.addAttribute("needs", needs.of(communities, null));
        return "pairing/needs";
    }
}
