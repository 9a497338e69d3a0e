package cn.lianban.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import cn.lianban.common.Forbidden;
import cn.lianban.directory.Area;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Roles;
import cn.lianban.directory.Street;
import cn.lianban.directory.UnitType;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;

/**
 * Which communities' figures a user may see on the dashboard, checked on the server: the city center and
 * admins all; a street office the communities of its street; an area committee those of its area; a community
 * secretary its own community. Everyone else (departments, grid workers, deputies) is refused with 403 —
 * departments read their own 三率 on /tickets/rates.
 */
@Service
class DashboardScope implements PageAccess {

    private final Directory directory;
    private final UserUnits units;

    public DashboardScope(Directory directory, UserUnits units) {
        this.directory = directory;
        this.units = units;
    }

    /**
     * The communities to count, narrowed by the optional street, area and community filters; null means the
     * whole city without a filter.
     *
     * @throws Forbidden when the user may not use the dashboard or a filter names a unit outside their own
     */
    public Set<String> communities(Authentication user, String street, String area, String community) {
        Set<String> allowed = allowed(user);
        if (allowed != null && allowed.isEmpty()) {
            throw new Forbidden("数据看板仅对市中心、街道、片区和社区开放；职能部门请查看三率排名");
        }
        Set<String> wanted = filtered(blank(street), blank(area), blank(community));
        if (wanted == null) {
            return allowed;
        }
        if (allowed != null && !allowed.containsAll(wanted)) {
            throw new Forbidden("只能查看本单位的数据");
        }
        return wanted;
    }

    /** Whether the user may open the dashboard at all (the page header offers it only then). */
    @Override
    public String page() {
        return "/dashboard";
    }

    @Override
    public boolean mayUse(Authentication user) {
        Set<String> allowed = allowed(user);
        return allowed == null || !allowed.isEmpty();
    }

    /** The streets, areas and communities the page's filters offer: those wholly within the user's units. */
    public record Offer(List<Street> streets, List<Area> areas, List<Community> communities) {
    }

    public Offer offered(Authentication user) {
        Set<String> allowed = allowed(user);
        List<Community> communities = directory.communities();
        if (allowed == null) {
            return new Offer(directory.streets(), directory.areas(), communities);
        }
        Map<String, List<String>> byArea = communities.stream().collect(
                Collectors.groupingBy(Community::areaCode, Collectors.mapping(Community::code, Collectors.toList())));
        List<Area> areas = directory.areas().stream()
                .filter(a -> within(allowed, byArea.get(a.code())))
                .toList();
        Map<String, List<String>> byStreet = directory.areas().stream().collect(Collectors.groupingBy(Area::streetCode,
                Collectors.flatMapping(a -> byArea.getOrDefault(a.code(), List.of()).stream(), Collectors.toList())));
        List<Street> streets = directory.streets().stream()
                .filter(st -> within(allowed, byStreet.get(st.code())))
                .toList();
        return new Offer(streets, areas, communities.stream().filter(c -> allowed.contains(c.code())).toList());
    }

    /** A unit is offered when it has communities and all of them are the user's. */
    private static boolean within(Set<String> allowed, List<String> communities) {
        return communities != null && !communities.isEmpty() && allowed.containsAll(communities);
    }

    /** The user's communities for the dashboard; null for the whole city, empty for a role without a dashboard. */
    private Set<String> allowed(Authentication user) {
        return units.communities(user, Roles.STREET_OFFICE, Roles.AREA_COMMITTEE, Roles.COMMUNITY_SECRETARY);
    }

    /** The scope's name for report titles: the filtered unit, else the user's own unit, else 全市. */
    public String unitName(Authentication user, String street, String area, String community) {
        if (blank(community) != null) {
            return directory.community(blank(community)).map(Community::name).orElse(community);
        }
        if (blank(area) != null) {
            return directory.area(blank(area)).map(Area::name).orElse(area);
        }
        if (blank(street) != null) {
            return directory.street(blank(street)).map(Street::name).orElse(street);
        }
        Set<String> groups = UserUnits.groups(user);
        if (UserUnits.citywide(groups)) {
            return "全市";
        }
        return groups.stream().filter(g -> UnitType.STREET.codeIn(g) != null || UnitType.AREA.codeIn(g) != null
                || UnitType.COMMUNITY.codeIn(g) != null).sorted().findFirst().map(directory::unitName).orElse("本单位");
    }

    private Set<String> filtered(String street, String area, String community) {
        Set<String> wanted = null;
        if (street != null) {
            wanted = directory.communitiesOfStreet(street);
        }
        if (area != null) {
            wanted = narrowed(wanted, directory.communitiesOfArea(area));
        }
        if (community != null) {
            wanted = narrowed(wanted, Set.of(community));
        }
        return wanted;
    }

    private static Set<String> narrowed(Set<String> wanted, Set<String> more) {
        if (wanted == null) {
            return more;
        }
        Set<String> both = new HashSet<>(wanted);
        both.retainAll(more);
        return both;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
