package cn.lianban.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which units and people a login may manage on the admin pages (issue 15): an administrator the whole city, a street
 * office the communities (with their grids) and the people of its own street, anyone else nothing.
 */
@Component
public class AdminScope {

    private final IdentityService identity;
    private final Directory directory;
    private final JdbcClient jdbc;

    AdminScope(IdentityService identity, Directory directory, JdbcTemplate jdbc) {
        this.identity = identity;
        this.directory = directory;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** What {@code login} may manage; empty when nothing. */
    public Optional<Scope> of(String login) {
        if (login == null) {
            return Optional.empty();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(login).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        if (groups.contains(Roles.ADMIN)) {
            return Optional.of(new Scope(null, Set.of()));
        }
        if (!groups.contains(Roles.STREET_OFFICE)) {
            return Optional.empty();
        }
        return groups.stream().map(UnitType.STREET::codeIn).filter(Objects::nonNull).findFirst()
                .map(street -> new Scope(street, directory.communitiesOfStreet(street)));
    }

    /** What {@code login} may manage; refused (403) when nothing, as the URL rules refuse other roles. */
    Scope required(String login) {
        return of(login).orElseThrow(() -> new AccessDeniedException("无权管理单位和人员"));
    }

    /** The street a unit belongs to: its own code for a street, null for a department or an unknown unit. */
    public String streetOf(UnitType type, String code) {
        String sql = switch (type) {
            case STREET -> "SELECT code FROM street WHERE code = ?";
            case AREA -> "SELECT street_code FROM area WHERE code = ?";
            case COMMUNITY -> "SELECT a.street_code FROM community c JOIN area a ON a.code = c.area_code WHERE c.code = ?";
            case GRID -> "SELECT a.street_code FROM grid g JOIN community c ON c.code = g.community_code "
                    + "JOIN area a ON a.code = c.area_code WHERE g.code = ?";
            case DEPT -> null;
        };
        return sql == null ? null : jdbc.sql(sql).param(code).query(String.class).optional().orElse(null);
    }

    /**
     * What a login may manage.
     *
     * @param street      the street code of a street office, null for an administrator (the whole city)
     * @param communities the communities of that street (empty for an administrator: no limit)
     */
    public record Scope(String street, Set<String> communities) {

        public boolean wholeCity() {
            return street == null;
        }

        /** Whether a unit of this street (from {@link AdminScope#streetOf}) may be managed. */
        public boolean covers(String unitStreet) {
            return wholeCity() || street.equals(unitStreet);
        }
    }
}
