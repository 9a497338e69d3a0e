package cn.lianban.cases;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import cn.lianban.directory.Directory;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.issue.IssueCaseReader;
import cn.lianban.security.UserUnits;
import cn.lianban.ticket.TicketCaseReader;

/**
 * Who may see a case or ticket: its filer; the community's secretaries, its area committee and its street office;
 * the community's grid workers when it is of their grid or of the whole community (no grid), not another grid's
 * (issue 14); the departments it was dispatched to (the handling lead, which for levels 3–5 is also invited
 * to the meeting, a co-department, the ticket's department, or the candidate group of any of its tasks); the city
 * center and administrators all; the deputies (两代表一委员) of the case's area once it was convened to a joint
 * meeting, read only. A green case's proposed lead department, whose community handles it, is not among them.
 * Anyone else is told it does not exist.
 */
@Service
class CaseVisibility {

    /** The roles that see all cases of their communities (a street's or an area's communities, or their own). */
    private static final String[] COMMUNITY_ROLES = {Roles.COMMUNITY_SECRETARY, Roles.AREA_COMMITTEE,
            Roles.STREET_OFFICE};
    /** The same with the grid workers, whose communities count for the cases merged together (区域共性问题). */
    private static final String[] PLACE_ROLES = {Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER, Roles.AREA_COMMITTEE,
            Roles.STREET_OFFICE};

    private final UserUnits units;
    private final CaseHistory history;
    private final UnitCases unitCases;
    private final IssueCaseReader issueCases;
    private final Directory directory;
    private final TicketCaseReader tickets;

    CaseVisibility(UserUnits units, CaseHistory history, UnitCases unitCases, IssueCaseReader issueCases,
                   Directory directory, TicketCaseReader tickets) {
        this.tickets = tickets;
        this.issueCases = issueCases;
        this.directory = directory;
        this.units = units;
        this.history = history;
        this.unitCases = unitCases;
    }

    boolean maySee(Authentication user, CaseFacts c) {
        Set<String> groups = UserUnits.groups(user);
        if (UserUnits.citywide(groups) || user.getName().equals(c.startUserId())
                || units.communities(user, COMMUNITY_ROLES).contains(c.communityCode()) || ofOwnGrid(user, c)
                || mergedFrom(c, units.communities(user, PLACE_ROLES))) {
            return true;
        }
        if (followsAsDeputy(user, c)) {
            return true;
        }
        Set<String> depts = departments(groups);
        return !depts.isEmpty() && (dispatchedTo(c).anyMatch(depts::contains)
                || history.offeredTo(c.processInstanceId(), depts.stream().map(UnitType.DEPT::group).toList()));
    }

    /**
     * A grid worker's: a case or ticket of his grid, or of his grid's community naming no grid (the whole community's
     * matters, and level-1 cases offered to every grid of it).
     */
    private boolean ofOwnGrid(Authentication user, CaseFacts c) {
        return units.communities(user, Roles.GRID_WORKER).contains(c.communityCode())
                && (c.gridCode() == null || UserUnits.grids(user).contains(c.gridCode()));
    }

    /**
     * 区域共性问题: the communities of cases merged together see each of them (the main case, which they all
     * evaluate, and the merged cases it links to).
     */
    private boolean mergedFrom(CaseFacts c, Set<String> communities) {
        return !c.isTicket() && !communities.isEmpty()
                && issueCases.mergedCommunities(c.businessKey()).stream().anyMatch(communities::contains);
    }

    /**
     * Whether the user is a deputy of the case's area and the case was convened to a joint meeting, to which they
     * were invited: they follow it (read, comment), nothing more.
     */
    boolean followsAsDeputy(Authentication user, CaseFacts c) {
        return !c.isTicket() && c.issue().meetingAt() != null && isDeputy(user)
                && directory.deputyArea(user.getName()).filter(a -> a.equals(c.issue().areaCode())).isPresent();
    }

    static boolean isDeputy(Authentication user) {
        return UserUnits.groups(user).contains(Roles.DEPUTY);
    }

    /** The departments the case's row names as handling it now: lead (levels 3–5), co-departments, ticket's. */
    private static Stream<String> dispatchedTo(CaseFacts c) {
        if (c.isTicket()) {
            return Stream.ofNullable(c.ticket().deptCode());
        }
        String handler = c.issue().handleGroup();
        return Stream.concat(Stream.ofNullable(handler == null ? null : UnitType.DEPT.codeIn(handler)),
                c.issue().coDepts().stream());
    }

    boolean citywide(Authentication user) {
        return UserUnits.citywide(UserUnits.groups(user));
    }

    /**
     * One page of the business keys of the cases and tickets a user who is not citywide may see, newest first.
     * The large sets (a street's communities, a department's tickets, a grid's cases and tickets) are paged in the
     * database, from the project's own tables; the small ones (what the login filed, a department's joint-handling
     * cases) come from Camunda's history and are merged in.
     */
    List<String> page(Authentication user, int first, int max) {
        Set<String> groups = UserUnits.groups(user);
        Set<String> depts = departments(groups);
        Map<String, Instant> filed = new HashMap<>(history.startedBy(user.getName()));
        depts.forEach(d -> filed.putAll(history.casesOfDepartment(d)));
        filed.putAll(unitCases.newest(units.communities(user, COMMUNITY_ROLES), depts, first + max));
        Set<String> grids = UserUnits.grids(user);
        if (!grids.isEmpty()) {
            Set<String> gridCommunities = units.communities(user, Roles.GRID_WORKER);
            filed.putAll(unitCases.ofGrids(gridCommunities, grids, first + max));
            filed.putAll(tickets.newestOfGrids(gridCommunities, grids, first + max));
        }
        if (isDeputy(user)) {
            directory.deputyArea(user.getName()).ifPresent(a -> filed.putAll(unitCases.convened(a, first + max)));
        }
        return filed.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .skip(first).limit(max).map(Map.Entry::getKey).toList();
    }

    private static Set<String> departments(Set<String> groups) {
        return groups.stream().map(UnitType.DEPT::codeIn).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
