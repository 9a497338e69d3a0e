package cn.lianban.pairing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the 双联双促 pairing tables (Flyway V6): agencies, pairings, placed members, stations. */
@Repository
class PairingRepository {

    private final JdbcClient jdbc;
    /** The snapshot's thousands of rows go in batches, which JdbcClient does not offer. */
    private final JdbcTemplate batches;

    PairingRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    /** True when no agency has been stored yet, i.e. the demo pairing data may be seeded. */
    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM agency").query(Integer.class).single() == 0;
    }

    /** Stores a whole snapshot in one transaction; the communities and grids it names must exist. */
    @Transactional
    void insert(PairingSnapshot s) {
        batch("INSERT INTO agency(code, name, kind, email) VALUES (?,?,?,?)", s.agencies(),
                a -> new Object[]{a.code(), a.name(), a.kind(), a.email()});
        batch("INSERT INTO pairing(community_code, agency_code) VALUES (?,?)", s.pairings(),
                p -> new Object[]{p.communityCode(), p.agencyCode()});
        batch("INSERT INTO agency_member(id, name, agency_code, grid_code, phone) VALUES (?,?,?,?,?)", s.members(),
                m -> new Object[]{m.id(), m.name(), m.agencyCode(), m.gridCode(), m.phone()});
        batch("INSERT INTO vanguard_station(code, name, community_code, lat, lon) VALUES (?,?,?,?,?)",
                s.stations(), v -> new Object[]{v.code(), v.name(), v.communityCode(), v.lat(), v.lon()});
    }

    /** The agency paired with a community (结对), if any. */
    Optional<Agency> pairedAgency(String communityCode) {
        return jdbc.sql("SELECT a.* FROM agency a JOIN pairing p ON p.agency_code = a.code WHERE p.community_code = ?")
                .param(communityCode).query(Agency.class).optional();
    }

    /** How many agency party members are placed in grids. */
    int memberCount() {
        return jdbc.sql("SELECT COUNT(*) FROM agency_member").query(Integer.class).single();
    }

    /** The members placed in the grids of a community, by id. */
    List<AgencyMember> membersPlacedIn(String communityCode) {
        return jdbc.sql("SELECT m.* FROM agency_member m JOIN grid g ON g.code = m.grid_code"
                + " WHERE g.community_code = ? ORDER BY m.id").param(communityCode).query(AgencyMember.class).list();
    }

    Optional<AgencyMember> member(long id) {
        return jdbc.sql("SELECT * FROM agency_member WHERE id = ?").param(id).query(AgencyMember.class).optional();
    }

    /** The members of an agency, by id. */
    List<AgencyMember> membersOf(String agencyCode) {
        return jdbc.sql("SELECT * FROM agency_member WHERE agency_code = ? ORDER BY id").param(agencyCode)
                .query(AgencyMember.class).list();
    }

    /** The member who logs in with this login (issue 15), if any. */
    Optional<AgencyMember> memberByLogin(String login) {
        return jdbc.sql("SELECT * FROM agency_member WHERE login = ?").param(login).query(AgencyMember.class).optional();
    }

    /** A member's logins as the identity mirrors them: login, initial password, agency and grid. */
    record MemberLogin(String login, String password, String name, String agencyCode, String gridCode) {
    }

    private static final String MEMBER_LOGINS =
            "SELECT login, password, name, agency_code, grid_code FROM agency_member WHERE login IS NOT NULL";

    List<MemberLogin> memberLogins() {
        return jdbc.sql(MEMBER_LOGINS + " ORDER BY login").query(MemberLogin.class).list();
    }

    /** One member's login as {@link #memberLogins} gives it. */
    Optional<MemberLogin> memberLogin(long memberId) {
        return jdbc.sql(MEMBER_LOGINS + " AND id = ?").param(memberId).query(MemberLogin.class).optional();
    }

    /** The login of the member with this phone (how the 双联双促 import knows a member), if he has one. */
    Optional<MemberLogin> memberLoginByPhone(String phone) {
        return jdbc.sql(MEMBER_LOGINS + " AND phone = ?").param(phone).query(MemberLogin.class).optional();
    }

    /** The member logins whose row still keeps this starting password. */
    List<String> loginsWithPassword(String password) {
        return jdbc.sql("SELECT login FROM agency_member WHERE login IS NOT NULL AND password = ? ORDER BY login")
                .param(password).query(String.class).list();
    }

    /** The row keeps a starting password only to create the Camunda user: this one no longer. */
    void forgetPassword(String password) {
        jdbc.sql("UPDATE agency_member SET password = NULL WHERE password = ?").param(password).update();
    }

    /** Gives a member a login and the password it starts with. */
    void giveLogin(long memberId, String login, String password) {
        jdbc.sql("UPDATE agency_member SET login = ?, password = ? WHERE id = ?").params(login, password, memberId)
                .update();
    }

    /**
     * The communities where a member serves (双报到): those paired with his agency (结对) and the one of his grid
     * (下沉网格), as {@link CheckinService#checkIn} accepts them.
     */
    List<String> communitiesOf(AgencyMember member) {
        return jdbc.sql("SELECT community_code FROM pairing WHERE agency_code = ? UNION"
                        + " SELECT community_code FROM grid WHERE code = ? ORDER BY community_code")
                .params(member.agencyCode(), member.gridCode()).query(String.class).list();
    }

    String communityOfGrid(String gridCode) {
        return jdbc.sql("SELECT community_code FROM grid WHERE code = ?").param(gridCode).query(String.class).single();
    }

    Optional<Agency> agency(String code) {
        return jdbc.sql("SELECT * FROM agency WHERE code = ?").param(code).query(Agency.class).optional();
    }

    List<Agency> agencies() {
        return jdbc.sql("SELECT * FROM agency ORDER BY code").query(Agency.class).list();
    }

    private <T> void batch(String sql, List<T> rows, Function<T, Object[]> args) {
        batches.batchUpdate(sql, rows.stream().map(args).toList());
    }
}
