package cn.lianban.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.security.UserUnits;

/**
 * Who may see a case or ticket: its filer; the community's secretaries and grid workers, its area committee and
 * its street office; the departments it was dispatched to (lead, co-department, the ticket's department, or the
 * candidate group of any of its tasks); the city center and administrators all. Anyone else is told it does not
 * exist.
 */
@Service
class CaseVisibility {

    /** The roles that see the cases of their communities (a street's or an area's communities, or their own). */
    private static final String[] PLACE_ROLES = {Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER, Roles.AREA_COMMITTEE,
            Roles.STREET_OFFICE};

    private final UserUnits units;
    private final CaseHistory history;
    private final JdbcTemplate jdbc;

    CaseVisibility(UserUnits units, CaseHistory history, JdbcTemplate jdbc) {
        this.units = units;
        this.history = history;
        this.jdbc = jdbc;
    }

    boolean maySee(Authentication user, CaseFacts c) {
        Set<String> groups = UserUnits.groups(user);
        if (UserUnits.citywide(groups) || user.getName().equals(c.startUserId())
                || units.communities(user, PLACE_ROLES).contains(c.text("communityCode"))) {
            return true;
        }
        Set<String> depts = departments(groups);
        return !depts.isEmpty() && (Stream.concat(Stream.of(c.text("leadDept"), c.text("deptCode")),
                c.list("coDepts").stream()).filter(Objects::nonNull).anyMatch(depts::contains)
                || history.offeredTo(c.processInstanceId(), depts.stream().map(UnitType.DEPT::group).toList()));
    }

    /** The process instances of the cases and tickets the user may see; null for all (city center, admin). */
    Set<String> visible(Authentication user) {
        Set<String> groups = UserUnits.groups(user);
        if (UserUnits.citywide(groups)) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>(history.startedBy(user.getName()));
        ids.addAll(ofCommunities(units.communities(user, PLACE_ROLES)));
        for (String dept : departments(groups)) {
            ids.addAll(history.offeredTo(UnitType.DEPT.group(dept)));
            ids.addAll(history.withVariable("leadDept", dept));
            ids.addAll(history.withVariable("deptCode", dept));
        }
        return ids;
    }

    /** Cases by issue_summary's community, tickets by the community their RAISED entry was recorded with. */
    private List<String> ofCommunities(Set<String> communities) {
        if (communities.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(communities);
        args.addAll(communities);
        return jdbc.queryForList("SELECT process_instance_id FROM issue_summary WHERE community_code IN ("
                + SqlIn.marks(communities) + ") UNION SELECT process_instance_id FROM case_event WHERE action = 'RAISED'"
                + " AND community_code IN (" + SqlIn.marks(communities) + ")", String.class, args.toArray());
    }

    private static Set<String> departments(Set<String> groups) {
        return groups.stream().map(UnitType.DEPT::codeIn).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
