package cn.lianban.security;

import java.util.Set;
import java.util.TreeSet;
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

    public static boolean citywide(Set<String> groups) {
        return groups.contains(Roles.CITY_CENTER) || groups.contains(Roles.ADMIN);
    }

    /**
     * The communities of the user's units, counting only the given roles; null for the city center and
     * administrators (the whole city); empty when the user has none of the roles.
     */
    public Set<String> communities(Authentication user, String... roles) {
        Set<String> groups = groups(user);
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

    private Set<String> ofUnit(String role, String group) {
        String code = switch (role) {
            case Roles.STREET_OFFICE -> UnitType.STREET.codeIn(group);
            case Roles.AREA_COMMITTEE -> UnitType.AREA.codeIn(group);
            case Roles.COMMUNITY_SECRETARY -> UnitType.COMMUNITY.codeIn(group);
            case Roles.GRID_WORKER -> UnitType.GRID.codeIn(group);
            default -> null;
        };
        if (code == null) {
            return Set.of();
        }
        return switch (role) {
            case Roles.STREET_OFFICE -> directory.communitiesOfStreet(code);
            case Roles.AREA_COMMITTEE -> directory.communitiesOfArea(code);
            case Roles.GRID_WORKER -> directory.grid(code).map(Grid::communityCode).map(Set::of).orElse(Set.of());
            default -> Set.of(code);
        };
    }
}
