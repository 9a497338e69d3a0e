package cn.lianban.directory;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.directory.DirectoryImport.OpenTask;
import cn.lianban.directory.PersonAdmin.PersonForm;
import cn.lianban.directory.PersonAdmin.PersonView;

/**
 * 人员管理 (/admin/people): search, a person's page with their groups, open tasks, edit and move form, 停用 and
 * 恢复在岗, the 重置密码 button (its endpoint is the password module's) and 变更记录. Administrators and street
 * offices only (the URL rules); whom each may see is {@link AdminScope}'s.
 */
@Controller
@RequestMapping("/admin/people")
class PersonAdminController {

    private final PersonAdmin people;
    private final AdminScope scopes;

    PersonAdminController(PersonAdmin people, AdminScope scopes) {
        this.people = people;
        this.scopes = scopes;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, Principal user, Model model) {
        Scope scope = scopes.required(user.getName());
        model.addAttribute("q", q);
        model.addAttribute("found", people.search(scope, q));
        return "admin/people";
    }

    @GetMapping("/{login}")
    String person(@PathVariable String login, Principal user, Model model) {
        Scope scope = scopes.required(user.getName());
        PersonView person = people.get(scope, login);
        return page(scope, person, new PersonForm(person.name(), person.phone(), person.email(), person.role(),
                person.unit()), model);
    }

    @PostMapping("/{login}")
    String update(@PathVariable String login, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String unit,
                  Principal user, Model model, RedirectAttributes redirect) {
        Scope scope = scopes.required(user.getName());
        PersonForm form = new PersonForm(name, phone, email, role, unit);
        try {
            people.update(scope, user.getName(), login, form);
        } catch (DirectoryRefusal e) {
            model.addAttribute("error", e.getMessage());
            return page(scope, people.get(scope, login), form, model);
        }
        redirect.addFlashAttribute("notice", "已保存");
        return "redirect:/admin/people/" + login;
    }

    @PostMapping("/{login}/deactivate")
    String deactivate(@PathVariable String login, Principal user, Model model) {
        Scope scope = scopes.required(user.getName());
        try {
            List<OpenTask> open = people.deactivate(scope, user.getName(), login);
            model.addAttribute("notice", "已停用：账号已无法登录，并已退出所有工作组");
            model.addAttribute("openTasks", open);
        } catch (DirectoryRefusal e) {
            model.addAttribute("error", e.getMessage());
        }
        PersonView person = people.get(scope, login);
        return page(scope, person, new PersonForm(person.name(), person.phone(), person.email(), person.role(),
                person.unit()), model);
    }

    @PostMapping("/{login}/reactivate")
    String reactivate(@PathVariable String login, Principal user, RedirectAttributes redirect) {
        Scope scope = scopes.required(user.getName());
        try {
            people.reactivate(scope, user.getName(), login);
            redirect.addFlashAttribute("notice", "已恢复在岗，并已重新加入工作组。请点击「重置密码」为其设置初始密码");
        } catch (DirectoryRefusal e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/people/" + login;
    }

    private String page(Scope scope, PersonView person, PersonForm form, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("groups", people.groups(person.login()));
        model.addAttribute("openTaskCount", people.openTasks(person.login()));
        model.addAttribute("roles", people.roles(scope));
        model.addAttribute("units", people.units(scope));
        model.addAttribute("changes", people.trail(person.login()));
        model.addAttribute("wholeCity", scope.wholeCity());
        return "admin/person";
    }
}
