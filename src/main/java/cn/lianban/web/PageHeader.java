package cn.lianban.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.lianban.directory.Directory;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.common.Grants;
import cn.lianban.security.UserUnits;

/**
 * What the shared page header ({@code templates/fragments/header.html}) shows: who is logged in and the pages
 * they may open. A link is offered only when the check that guards the page lets the user in: the URL rules of
 * the security configuration, the page's own check (dashboard, 双报到), and for the Camunda webapps their
 * application authorizations. Every page's model carries it as {@code pageHeader} ({@link PageHeaderAdvice}),
 * and the header asks it only when it is drawn.
 */
@Component
class PageHeader {

    public record Link(String label, String href, boolean active) {
    }

    /** {@code links}: the work pages; {@code admin}: the 管理 pages. Nobody logged in: both empty. */
    public record Menu(boolean loggedIn, String userName, String unitName, List<Link> links, List<Link> admin) {
    }

    private final WebInvocationPrivilegeEvaluator urls;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final Grants grants;
    private final Directory directory;
    /** The pages with their own check, by address. */
    private final Map<String, PageAccess> pages;

    public PageHeader(WebInvocationPrivilegeEvaluator urls, IdentityService identity,
                      AuthorizationService authorizations, Grants grants, Directory directory,
                      List<PageAccess> pages) {
        this.urls = urls;
        this.identity = identity;
        this.authorizations = authorizations;
        this.grants = grants;
        this.directory = directory;
        this.pages = pages.stream().collect(Collectors.toMap(PageAccess::page, Function.identity()));
    }

    /** Whether someone is logged in for the current request. */
    public boolean loggedIn() {
        return loggedInUser() != null;
    }

    /** The menu of the user of the current request. */
    public Menu current() {
        Authentication user = loggedInUser();
        if (user == null) {
            return new Menu(false, null, null, List.of(), List.of());
        }
        Set<String> groups = UserUnits.groups(user);
        String path = currentPath();
        List<Link> links = new ArrayList<>();
        add(links, path, "任务", "/camunda/app/tasklist/", mayOpenWebapp(user, groups, "tasklist"));
        add(links, path, "我的事项", "/cases", mayOpen(user, "/cases"));
        add(links, path, "手机上报", "/m", mayOpen(user, "/m"));
        add(links, path, "数据看板", "/dashboard", mayOpen(user, "/dashboard"));
        add(links, path, "督办通报", "/dashboard/supervision", mayOpen(user, "/dashboard/supervision"));
        add(links, path, "挂账台账", "/issues/shelf", mayOpen(user, "/issues/shelf"));
        add(links, path, "三率排名", "/tickets/rates", mayOpen(user, "/tickets/rates"));
        add(links, path, "我的服务", "/members/me", mayOpen(user, "/members/me"));
        add(links, path, "双报到", "/checkins", mayOpen(user, "/checkins"));
        add(links, path, "需求认领", "/pairing/needs", mayOpen(user, "/pairing/needs"));
        add(links, path, "资源清单", "/resources", mayOpen(user, "/resources"));
        add(links, path, "活动", "/activities", mayOpen(user, "/activities"));
        List<Link> admin = new ArrayList<>();
        add(admin, path, "邮件队列", "/admin/mail", mayOpen(user, "/admin/mail"));
        add(admin, path, "短信队列", "/admin/sms", mayOpen(user, "/admin/sms"));
        add(admin, path, "工作日历", "/admin/calendar", mayOpen(user, "/admin/calendar"));
        add(admin, path, "权责清单", "/admin/responsibility", mayOpen(user, "/admin/responsibility"));
        add(admin, path, "组织目录", "/admin/directory", mayOpen(user, "/admin/directory"));
        add(admin, path, "单位管理", "/admin/units", mayOpen(user, "/admin/units"));
        add(admin, path, "人员管理", "/admin/people", mayOpen(user, "/admin/people"));
        add(admin, path, "双联双促", "/admin/pairing", mayOpen(user, "/admin/pairing"));
        add(admin, path, "党员登录", "/pairing/logins", mayOpen(user, "/pairing/logins"));
        add(admin, path, "登录安全", "/admin/logins", mayOpen(user, "/admin/logins"));
        add(admin, path, "流程监控", "/camunda/app/cockpit/", mayOpenWebapp(user, groups, "cockpit"));
        add(admin, path, "用户与权限", "/camunda/app/admin/", mayOpenWebapp(user, groups, "admin"));
        return new Menu(true, name(user.getName()), unitName(groups), deepestActive(links), admin);
    }

    private static Authentication loggedInUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken ? null : user;
    }

    /** Of links that both match the path (数据看板 and its 督办通报), only the deeper one is marked. */
    private static List<Link> deepestActive(List<Link> links) {
        int deepest = links.stream().filter(Link::active).mapToInt(l -> l.href().length()).max().orElse(0);
        return links.stream().map(l -> l.active() && l.href().length() < deepest
                ? new Link(l.label(), l.href(), false) : l).toList();
    }

    private static void add(List<Link> links, String path, String label, String href, boolean allowed) {
        if (allowed) {
            links.add(new Link(label, href, path != null && path.startsWith(href)));
        }
    }

    /** The page's own check where its module contributes one, else the URL rules of the security configuration. */
    private boolean mayOpen(Authentication user, String page) {
        PageAccess own = pages.get(page);
        return own != null ? own.mayUse(user) : urls.isAllowed(page, user);
    }

    /** Camunda lets a user into Tasklist, Cockpit or Admin by the application authorizations of their groups. */
    private boolean mayOpenWebapp(Authentication user, Set<String> groups, String app) {
        return grants.asSystem(() -> authorizations.isUserAuthorized(user.getName(), List.copyOf(groups),
                Permissions.ACCESS, Resources.APPLICATION, app));
    }

    /** The person's name as the directory gave it to Camunda (family name first), else the login. */
    private String name(String login) {
        User user = grants.asSystem(() -> identity.createUserQuery().userId(login).singleResult());
        if (user == null) {
            return login;
        }
        String name = (blankToEmpty(user.getLastName()) + blankToEmpty(user.getFirstName())).strip();
        return name.isEmpty() ? login : name;
    }

    /** The role and unit the user acts for, e.g. 社区书记 · 金沙东社区. */
    private String unitName(Set<String> groups) {
        String role = Roles.ALL.stream().filter(groups::contains).findFirst().map(Roles::chineseName).orElse("");
        String unit = groups.stream().filter(PageHeader::isUnitGroup).sorted().findFirst()
                .map(directory::unitName).orElse("");
        return role.isEmpty() || unit.isEmpty() ? role + unit : role + " · " + unit;
    }

    private static boolean isUnitGroup(String group) {
        for (UnitType type : UnitType.values()) {
            if (type.codeIn(group) != null) {
                return true;
            }
        }
        return false;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String currentPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                ? r.getRequest().getRequestURI() : null;
    }
}
