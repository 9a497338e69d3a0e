package cn.lianban.field;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.lianban.common.Forbidden;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.issue.IssueStarts;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;

/**
 * Who may use the phone page: grid workers and community secretaries, the people who find problems on the spot.
 * Whether the login may also file a joint case is Camunda's own grant to start that process (today secretaries, and
 * grid workers for their grid), so the page offers what the engine would let the login start.
 */
@Component
class FieldUser implements PageAccess {

    static final String PAGE = "/m";
    private final IssueStarts cases;

    FieldUser(IssueStarts cases) {
        this.cases = cases;
    }

    @Override
    public String page() {
        return PAGE;
    }

    @Override
    public boolean mayUse(Authentication user) {
        Set<String> groups = UserUnits.groups(user);
        return groups.contains(Roles.GRID_WORKER) || groups.contains(Roles.COMMUNITY_SECRETARY);
    }

    /** Refuses everyone else, in Chinese (the page's 403, the endpoints' {@code forbidden}). */
    void check(Authentication user) {
        if (!mayUse(user)) {
            throw new Forbidden("手机上报供网格员和社区书记使用，您的账号不能在此上报；请在“任务”中办理本单位的事项");
        }
    }

    boolean mayFileCase(Authentication user) {
        return cases.mayFile(user.getName(), List.copyOf(UserUnits.groups(user)));
    }

    void checkFilesCases(Authentication user) {
        check(user);
        if (!mayFileCase(user)) {
            throw new Forbidden("您的账号不能提报联席汇办事项；发现的问题请用“吹哨点单”上报");
        }
    }

    /** The grid a grid worker works in, when exactly one: his filings carry it. */
    static String onlyGrid(Authentication user) {
        Set<String> groups = UserUnits.groups(user);
        if (!groups.contains(Roles.GRID_WORKER)) {
            return null;
        }
        List<String> grids = groups.stream().map(UnitType.GRID::codeIn).filter(Objects::nonNull).toList();
        return grids.size() == 1 ? grids.get(0) : null;
    }
}
