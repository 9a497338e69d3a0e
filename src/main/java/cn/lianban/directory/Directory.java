package cn.lianban.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the organisation tables (Flyway V1). */
@Repository
public class Directory {

    private static final RowMapper<Community> COMMUNITY = (rs, i) -> new Community(rs.getString("code"),
            rs.getString("name"), rs.getString("area_code"), rs.getDouble("lat"), rs.getDouble("lon"),
            rs.getString("email"));
    private static final RowMapper<Area> AREA = (rs, i) -> new Area(rs.getString("code"), rs.getString("name"),
            rs.getString("street_code"), rs.getString("area_type"), rs.getDouble("lat"), rs.getDouble("lon"),
            rs.getString("email"));
    private static final RowMapper<Street> STREET = (rs, i) -> new Street(rs.getString("code"), rs.getString("name"),
            rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("email"));
    private static final RowMapper<Grid> GRID = (rs, i) -> new Grid(rs.getString("code"), rs.getString("name"),
            rs.getString("community_code"), rs.getDouble("lat"), rs.getDouble("lon"));
    private static final RowMapper<Department> DEPARTMENT = (rs, i) -> new Department(rs.getString("code"),
            rs.getString("name"), rs.getString("email"));
    private static final RowMapper<Person> PERSON = (rs, i) -> new Person(rs.getString("login"), rs.getString("name"),
            rs.getString("email"), rs.getString("role"),
            rs.getString("unit_type") == null ? null : UnitType.valueOf(rs.getString("unit_type")),
            rs.getString("unit_code"), rs.getString("password"));

    private final JdbcTemplate jdbc;

    public Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM street", Integer.class) == 0;
    }

    public Optional<Community> community(String code) {
        return jdbc.query("SELECT * FROM community WHERE code = ?", COMMUNITY, code).stream().findFirst();
    }

    public Optional<Grid> grid(String code) {
        return jdbc.query("SELECT * FROM grid WHERE code = ?", GRID, code).stream().findFirst();
    }

    public Optional<Area> area(String code) {
        return jdbc.query("SELECT * FROM area WHERE code = ?", AREA, code).stream().findFirst();
    }

    public Optional<Street> street(String code) {
        return jdbc.query("SELECT * FROM street WHERE code = ?", STREET, code).stream().findFirst();
    }

    public Optional<Department> department(String code) {
        return jdbc.query("SELECT * FROM department WHERE code = ?", DEPARTMENT, code).stream().findFirst();
    }

    public List<Street> streets() {
        return jdbc.query("SELECT * FROM street ORDER BY code", STREET);
    }

    public List<Area> areas() {
        return jdbc.query("SELECT * FROM area ORDER BY code", AREA);
    }

    public List<Community> communities() {
        return jdbc.query("SELECT * FROM community ORDER BY code", COMMUNITY);
    }

    public List<Grid> grids() {
        return jdbc.query("SELECT * FROM grid ORDER BY code", GRID);
    }

    public List<Department> departments() {
        return jdbc.query("SELECT * FROM department ORDER BY code", DEPARTMENT);
    }

    List<Person> persons() {
        return jdbc.query("SELECT * FROM person ORDER BY login", PERSON);
    }

    /** The department that leads issues of a category, if the list names one. */
    public Optional<String> leadDepartmentFor(String category) {
        return jdbc.queryForList("SELECT dept_code FROM category_department WHERE category = ?", String.class, category)
                .stream().findFirst();
    }

    /** Where a community sits: its area and street. */
    public Placement placement(String communityCode) {
        Community community = community(communityCode)
                .orElseThrow(() -> new IllegalArgumentException("社区编码不存在: " + communityCode));
        Area area = area(community.areaCode()).orElseThrow();
        Street street = street(area.streetCode()).orElseThrow();
        return new Placement(community, area, street);
    }

    /** The Chinese name people see for a Camunda group: a unit's name, or a role's. */
    public String unitName(String group) {
        int colon = group.indexOf(':');
        if (colon < 0) {
            return Roles.chineseName(group);
        }
        UnitType type = UnitType.valueOf(group.substring(0, colon).toUpperCase());
        String table = type == UnitType.DEPT ? "department" : type.name().toLowerCase();
        String name = jdbc.queryForList("SELECT name FROM " + table + " WHERE code = ?", String.class,
                group.substring(colon + 1)).stream().findFirst().orElse(group);
        return type == UnitType.AREA ? name + "联合党委" : name;
    }

    /**
     * Mail addresses for a Camunda group: the unit's own mailbox plus the persons who act for it,
     * or everyone in a role group.
     */
    public Set<String> emailsOf(String group) {
        Set<String> emails = new LinkedHashSet<>();
        int colon = group.indexOf(':');
        if (colon < 0) {
            emails.addAll(jdbc.queryForList("SELECT email FROM person WHERE role = ? ORDER BY login", String.class, group));
            return emails;
        }
        UnitType type = UnitType.valueOf(group.substring(0, colon).toUpperCase());
        String code = group.substring(colon + 1);
        String table = switch (type) {
            case COMMUNITY -> "community";
            case AREA -> "area";
            case STREET -> "street";
            case DEPT -> "department";
            case GRID -> null;
        };
        if (table != null) {
            emails.addAll(jdbc.queryForList("SELECT email FROM " + table + " WHERE code = ? AND email IS NOT NULL",
                    String.class, code));
        }
        emails.addAll(jdbc.queryForList("SELECT email FROM person WHERE unit_type = ? AND unit_code = ? ORDER BY login",
                String.class, type.name(), code));
        return emails;
    }

    /** The codes of the communities in the areas of a street. */
    public Set<String> communitiesOfStreet(String streetCode) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT c.code FROM community c JOIN area a ON a.code = c.area_code"
                + " WHERE a.street_code = ?", String.class, streetCode));
    }

    /** The codes of the communities of an area. */
    public Set<String> communitiesOfArea(String areaCode) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT code FROM community WHERE area_code = ?", String.class,
                areaCode));
    }

    /** The codes of the grids of a community. */
    public List<String> gridsOf(String communityCode) {
        return jdbc.queryForList("SELECT code FROM grid WHERE community_code = ? ORDER BY code", String.class,
                communityCode);
    }

    /** Mail addresses for several groups, each address once. */
    public Set<String> emailsOf(java.util.Collection<String> groups) {
        Set<String> emails = new LinkedHashSet<>();
        groups.forEach(g -> emails.addAll(emailsOf(g)));
        return emails;
    }

    @Transactional
    public void insert(DirectorySnapshot s) {
        batch("INSERT INTO area_type(code, name, description) VALUES (?,?,?)", s.areaTypes(),
                t -> new Object[]{t.code(), t.name(), t.description()});
        batch("INSERT INTO street(code, name, lat, lon, email) VALUES (?,?,?,?,?)", s.streets(),
                t -> new Object[]{t.code(), t.name(), t.lat(), t.lon(), t.email()});
        batch("INSERT INTO area(code, name, street_code, area_type, lat, lon, email) VALUES (?,?,?,?,?,?,?)", s.areas(),
                t -> new Object[]{t.code(), t.name(), t.streetCode(), t.areaType(), t.lat(), t.lon(), t.email()});
        batch("INSERT INTO community(code, name, area_code, lat, lon, email) VALUES (?,?,?,?,?,?)", s.communities(),
                t -> new Object[]{t.code(), t.name(), t.areaCode(), t.lat(), t.lon(), t.email()});
        batch("INSERT INTO grid(code, name, community_code, lat, lon) VALUES (?,?,?,?,?)", s.grids(),
                t -> new Object[]{t.code(), t.name(), t.communityCode(), t.lat(), t.lon()});
        batch("INSERT INTO department(code, name, email) VALUES (?,?,?)", s.departments(),
                t -> new Object[]{t.code(), t.name(), t.email()});
        batch("INSERT INTO person(login, name, email, role, unit_type, unit_code, password) VALUES (?,?,?,?,?,?,?)",
                s.persons(), t -> new Object[]{t.login(), t.name(), t.email(), t.role(),
                        t.unitType() == null ? null : t.unitType().name(), t.unitCode(), t.password()});
        batch("INSERT INTO category_department(category, name, dept_code) VALUES (?,?,?)",
                new ArrayList<>(s.categoryDepartments().entrySet()),
                e -> new Object[]{e.getKey(), IssueCategories.chineseName(e.getKey()), e.getValue()});
    }

    private <T> void batch(String sql, List<T> rows, java.util.function.Function<T, Object[]> args) {
        jdbc.batchUpdate(sql, rows.stream().map(args).toList());
    }

    /** A community with the area and street above it. */
    public record Placement(Community community, Area area, Street street) {
    }
}
