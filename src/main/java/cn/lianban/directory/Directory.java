package cn.lianban.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the organisation tables (Flyway V1). */
@Repository
public class Directory {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public Directory(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM street").query(Integer.class).single() == 0;
    }

    public Optional<Community> community(String code) {
        return jdbc.sql("SELECT * FROM community WHERE code = ?").param(code).query(Community.class).optional();
    }

    public Optional<Grid> grid(String code) {
        return jdbc.sql("SELECT * FROM grid WHERE code = ?").param(code).query(Grid.class).optional();
    }

    public Optional<Area> area(String code) {
        return jdbc.sql("SELECT * FROM area WHERE code = ?").param(code).query(Area.class).optional();
    }

    public Optional<Street> street(String code) {
        return jdbc.sql("SELECT * FROM street WHERE code = ?").param(code).query(Street.class).optional();
    }

    public Optional<Department> department(String code) {
        return jdbc.sql("SELECT * FROM department WHERE code = ?").param(code).query(Department.class).optional();
    }

    public List<Street> streets() {
        return jdbc.sql("SELECT * FROM street ORDER BY code").query(Street.class).list();
    }

    public List<Area> areas() {
        return jdbc.sql("SELECT * FROM area ORDER BY code").query(Area.class).list();
    }

    public List<Community> communities() {
        return jdbc.sql("SELECT * FROM community ORDER BY code").query(Community.class).list();
    }

    public List<Grid> grids() {
        return jdbc.sql("SELECT * FROM grid ORDER BY code").query(Grid.class).list();
    }

    public List<Department> departments() {
        return jdbc.sql("SELECT * FROM department ORDER BY code").query(Department.class).list();
    }

    /** The active people (a deactivated person keeps their row for the trails, but no login and no mail). */
    List<Person> persons() {
        return jdbc.sql("SELECT login, name, email, role, unit_type, unit_code, password, unit_lead AS lead, area_code "
                + "FROM person WHERE active ORDER BY login").query(Person.class).list();
    }

    /** An active person by login. */
    Optional<Person> person(String login) {
        return jdbc.sql("SELECT login, name, email, role, unit_type, unit_code, password, unit_lead AS lead, area_code "
                + "FROM person WHERE login = ? AND active").param(login).query(Person.class).optional();
    }

    /** The department that leads issues of a category, if the list names one. */
    public Optional<String> leadDepartmentFor(String category) {
        return jdbc.sql("SELECT dept_code FROM category_department WHERE category = ?").param(category)
                .query(String.class).optional();
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
        String name = name(type, group.substring(colon + 1)).orElse(group);
        return type == UnitType.AREA ? name + "联合党委" : name;
    }

    /** A unit's own name (an area's without 联合党委). */
    Optional<String> name(UnitType type, String code) {
        String table = type == UnitType.DEPT ? "department" : type.name().toLowerCase();
        return jdbc.sql("SELECT name FROM " + table + " WHERE code = ?").param(code).query(String.class).optional();
    }

    /**
     * Mail addresses for a Camunda group: the unit's own mailbox plus the persons who act for it,
     * or everyone in a role group.
     */
    public Set<String> emailsOf(String group) {
        Set<String> emails = new LinkedHashSet<>();
        int colon = group.indexOf(':');
        if (colon < 0) {
            emails.addAll(jdbc.sql("SELECT email FROM person WHERE role = ? AND active ORDER BY login").param(group)
                    .query(String.class).list());
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
            emails.addAll(jdbc.sql("SELECT email FROM " + table + " WHERE code = ? AND email IS NOT NULL").param(code)
                    .query(String.class).list());
        }
        emails.addAll(jdbc.sql("SELECT email FROM person WHERE unit_type = ? AND unit_code = ? AND active ORDER BY login")
                .params(type.name(), code).query(String.class).list());
        return emails;
    }

    /**
     * Mail addresses of a unit's leads (分管负责人, persons marked {@code unit_lead}), for 督办 notices; a unit with
     * no lead marked, or a role group, is told as {@link #emailsOf(String)} tells it.
     */
    public Set<String> leadEmailsOf(String group) {
        int colon = group.indexOf(':');
        if (colon > 0) {
            Set<String> leads = jdbc.sql("SELECT email FROM person WHERE unit_type = ? AND unit_code = ? AND unit_lead AND active "
                            + "ORDER BY login").params(group.substring(0, colon).toUpperCase(), group.substring(colon + 1))
                    .query(String.class).set();
            if (!leads.isEmpty()) {
                return new LinkedHashSet<>(leads);
            }
        }
        return emailsOf(group);
    }

    /** The deputies (两代表一委员) who belong to an area, by login. */
    public List<Deputy> deputiesOf(String areaCode) {
        return jdbc.sql("SELECT login, name, email, area_code FROM person WHERE role = ? AND area_code = ? AND active"
                        + " ORDER BY login")
                .params(Roles.DEPUTY, areaCode).query(Deputy.class).list();
    }

    /** The area a login belongs to as a deputy (两代表一委员); empty for anyone else. */
    public Optional<String> deputyArea(String login) {
        return jdbc.sql("SELECT area_code FROM person WHERE login = ? AND role = ? AND area_code IS NOT NULL")
                .params(login, Roles.DEPUTY).query(String.class).optional();
    }

    /** The codes of the communities in the areas of a street. */
    public Set<String> communitiesOfStreet(String streetCode) {
        return jdbc.sql("SELECT c.code FROM community c JOIN area a ON a.code = c.area_code WHERE a.street_code = ?")
                .param(streetCode).query(String.class).set();
    }

    /** The codes of the communities of an area. */
    public Set<String> communitiesOfArea(String areaCode) {
        return jdbc.sql("SELECT code FROM community WHERE area_code = ?").param(areaCode).query(String.class).set();
    }

    /** The codes of the grids of a community. */
    public List<String> gridsOf(String communityCode) {
        return jdbc.sql("SELECT code FROM grid WHERE community_code = ? ORDER BY code").param(communityCode)
                .query(String.class).list();
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
        batch("INSERT INTO person(login, name, email, role, unit_type, unit_code, password, unit_lead, area_code) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)",
                s.persons(), t -> new Object[]{t.login(), t.name(), t.email(), t.role(),
                        t.unitType() == null ? null : t.unitType().name(), t.unitCode(), t.password(), t.lead(),
                        t.areaCode()});
        batch("INSERT INTO category_department(category, name, dept_code) VALUES (?,?,?)",
                new ArrayList<>(s.categoryDepartments().entrySet()),
                e -> new Object[]{e.getKey(), IssueCategories.chineseName(e.getKey()), e.getValue()});
    }

    private <T> void batch(String sql, List<T> rows, java.util.function.Function<T, Object[]> args) {
        batches.batchUpdate(sql, rows.stream().map(args).toList());
    }

    /** A community with the area and street above it. */
    public record Placement(Community community, Area area, Street street) {
    }
}
