package cn.lianban.venue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/** Reads and writes the venues and their functions (Flyway V8). */
@Repository
class VenueRepository {

    private static final String BY_LEVEL = " ORDER BY v.level, v.code";

    private final JdbcTemplate jdbc;
    /** Reads venues by column name; the comma-separated functions become {@link Venue#functions()}'s list. */
    private final JdbcClient client;

    VenueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    /** True when no venue has been stored yet, i.e. the demo venues may be seeded. */
    public boolean isEmpty() {
        return client.sql("SELECT COUNT(*) FROM venue").query(Integer.class).single() == 0;
    }

    @Transactional
    public void insert(List<Venue> venues) {
        jdbc.batchUpdate("INSERT INTO venue(code, name, level, functions, address, lat, lon, opens, closes, capacity,"
                        + " needs_approval, area_code, community_code, manager_group) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                venues.stream().map(v -> new Object[]{v.code(), v.name(), v.level(), String.join(",", v.functions()),
                        v.address(), v.lat(), v.lon(), v.opens(), v.closes(), v.capacity(), v.needsApproval(),
                        v.areaCode(), v.communityCode(), v.managerGroup()}).toList());
    }

    /** Every venue, by level and code. */
    public List<Venue> all() {
        return venues("SELECT v.* FROM venue v" + BY_LEVEL);
    }

    public Optional<Venue> find(String code) {
        return first("SELECT v.* FROM venue v WHERE v.code = ?", code);
    }

    /** Function code → Chinese name, in display order. */
    public Map<String, String> functionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        client.sql("SELECT code, name FROM venue_function ORDER BY sort_order").query(VenueFunction.class).list()
                .forEach(f -> names.put(f.code(), f.name()));
        return names;
    }

    /** The city's own center (level 1). */
    public Optional<Venue> cityCenter() {
        return first("SELECT v.* FROM venue v WHERE v.level = " + Venue.CITY + BY_LEVEL);
    }

    /** The area's standard complex (片区党群服务中心, level 2). */
    public Optional<Venue> areaComplex(String areaCode) {
        return first("SELECT v.* FROM venue v WHERE v.level = " + Venue.AREA + " AND v.area_code = ?" + BY_LEVEL,
                areaCode);
    }

    /** The community's center (level 3), or else the complex of its area. */
    public Optional<Venue> communityVenue(String communityCode) {
        return first("SELECT v.* FROM venue v WHERE v.level = " + Venue.COMMUNITY + " AND v.community_code = ?"
                        + BY_LEVEL, communityCode)
                .or(() -> first("SELECT v.* FROM venue v JOIN community c ON c.area_code = v.area_code"
                        + " WHERE v.level = " + Venue.AREA + " AND c.code = ?" + BY_LEVEL, communityCode));
    }

    /** The venue with the most places among those in the street's areas (the lower level wins a tie). */
    public Optional<Venue> largestInStreet(String streetCode) {
        return first("SELECT v.* FROM venue v JOIN area a ON a.code = v.area_code WHERE a.street_code = ?"
                + " ORDER BY v.capacity DESC, v.level, v.code", streetCode);
    }

    /**
     * The venues a unit holds its activities at, by level and code: the city center all of them; a street those
     * of its areas; an area committee those of its area; a community its own and its area's complex. Any other
     * group none.
     */
    public List<Venue> usableBy(String unitGroup) {
        if (Roles.CITY_CENTER.equals(unitGroup)) {
            return all();
        }
        String street = UnitType.STREET.codeIn(unitGroup);
        if (street != null) {
            return venues("SELECT v.* FROM venue v JOIN area a ON a.code = v.area_code WHERE a.street_code = ?"
                    + BY_LEVEL, street);
        }
        String area = UnitType.AREA.codeIn(unitGroup);
        if (area != null) {
            return venues("SELECT v.* FROM venue v WHERE v.area_code = ?" + BY_LEVEL, area);
        }
        String community = UnitType.COMMUNITY.codeIn(unitGroup);
        if (community != null) {
            return venues("SELECT v.* FROM venue v WHERE v.community_code = ? OR (v.level = " + Venue.AREA
                    + " AND v.area_code = (SELECT c.area_code FROM community c WHERE c.code = ?))" + BY_LEVEL,
                    community, community);
        }
        return List.of();
    }

    private Optional<Venue> first(String sql, Object... args) {
        return venues(sql, args).stream().findFirst();
    }

    private List<Venue> venues(String sql, Object... args) {
        return client.sql(sql).params(args).query(Venue.class).list();
    }

    private record VenueFunction(String code, String name) {
    }
}
