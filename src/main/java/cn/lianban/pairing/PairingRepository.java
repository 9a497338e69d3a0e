package cn.lianban.pairing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes the 双联双促 pairing tables (Flyway V6): agencies, pairings, placed members, stations. */
@Repository
public class PairingRepository {

    private static final RowMapper<Agency> AGENCY = (rs, i) -> new Agency(rs.getString("code"),
            rs.getString("name"), rs.getString("kind"), rs.getString("email"));

    private final JdbcTemplate jdbc;

    public PairingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when no agency has been stored yet, i.e. the demo pairing data may be seeded. */
    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agency", Integer.class) == 0;
    }

    /** Stores a whole snapshot in one transaction; the communities and grids it names must exist. */
    @Transactional
    public void insert(PairingSnapshot s) {
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
    public Optional<Agency> pairedAgency(String communityCode) {
        return jdbc.query("SELECT a.* FROM agency a JOIN pairing p ON p.agency_code = a.code"
                + " WHERE p.community_code = ?", AGENCY, communityCode).stream().findFirst();
    }

    /** How many agency party members are placed in grids. */
    public int memberCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agency_member", Integer.class);
    }

    private static final org.springframework.jdbc.core.RowMapper<AgencyMember> MEMBER = (rs, i) -> new AgencyMember(
            rs.getLong("id"), rs.getString("name"), rs.getString("agency_code"), rs.getString("grid_code"),
            rs.getString("phone"));

    /** The members placed in the grids of a community, by id. */
    public List<AgencyMember> membersPlacedIn(String communityCode) {
        return jdbc.query("SELECT m.* FROM agency_member m JOIN grid g ON g.code = m.grid_code"
                + " WHERE g.community_code = ? ORDER BY m.id", MEMBER, communityCode);
    }

    public Optional<AgencyMember> member(long id) {
        return jdbc.query("SELECT * FROM agency_member WHERE id = ?", MEMBER, id).stream().findFirst();
    }

    public Optional<Agency> agency(String code) {
        return jdbc.query("SELECT * FROM agency WHERE code = ?", AGENCY, code).stream().findFirst();
    }

    public List<Agency> agencies() {
        return jdbc.query("SELECT * FROM agency ORDER BY code", AGENCY);
    }

    private <T> void batch(String sql, List<T> rows, Function<T, Object[]> args) {
        jdbc.batchUpdate(sql, rows.stream().map(args).toList());
    }
}
