package cn.lianban.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

import cn.lianban.directory.Directory;
import cn.lianban.directory.Grid;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/**
 * The communities a user answers for, read from their Camunda groups: a street office the communities of its
 * street, an area committee those of its area, a community secretary their community, a grid worker the community
 * of their grid. Each page says which of these roles count for it; the city center and administrators answer for
 * the whole city.
 */
@Service
public class UserUnits {

    private final Directory directory;

    public UserUnits(Directory directory) {
        this.directory = directory;
    }

    public static Set<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    public static boolean citywide(Collection<String> groups) {
        return groups.contains(Roles.CITY_CENTER) || groups.contains(Roles.ADMIN);
    }

    /**
     * The communities of the user's units, counting only the given roles; null for the city center and
     * administrators (the whole city); empty when the user has none of the roles.
     */
    public Set<String> communities(Authentication user, String... roles) {
        return communities(groups(user), roles);
    }

    /** The same for the group ids of a Camunda authentication (inside the engine, e.g. a start listener). */
    public Set<String> communities(Collection<String> groups, String... roles) {
        if (citywide(groups)) {
            return null;
        }
        Set<String> communities = new TreeSet<>();
        for (String role : roles) {
            if (groups.contains(role)) {
                for (String group : groups) {
                    communities.addAll(ofUnit(role, group));
                }
            }
        }
        return communities;
    }

    /** The grids of a grid worker's login (网格员); empty for every other role. */
    public static Set<String> grids(Authentication user) {
        return grids(groups(user));
    }

    /** The same for the group ids of a Camunda authentication. */
    public static Set<String> grids(Collection<String> groups) {
        return !groups.contains(Roles.GRID_WORKER) ? Set.of() : groups.stream().map(UnitType.GRID::codeIn)
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> ofUnit(String role, String group) {
        return switch (role) {
            case Roles.STREET_OFFICE -> ofCode(UnitType.STREET, group, directory::communitiesOfStreet);
            case Roles.AREA_COMMITTEE -> ofCode(UnitType.AREA, group, directory::communitiesOfArea);
            case Roles.COMMUNITY_SECRETARY -> ofCode(UnitType.COMMUNITY, group, Set::of);
            case Roles.GRID_WORKER -> ofCode(UnitType.GRID, group,
                    grid -> directory.grid(grid).map(Grid::communityCode).map(Set::of).orElse(Set.of()));
            default -> Set.of();
        };
    }

    /** The communities of the group's unit when the group is of that type. */
    private static Set<String> ofCode(UnitType type, String group, Function<String, Set<String>> communities) {
        String code = type.codeIn(group);
        return code == null ? Set.of() : communities.apply(code);
    }
}
