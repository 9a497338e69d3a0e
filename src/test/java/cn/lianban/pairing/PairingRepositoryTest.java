package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.lianban.support.MigratedDb;

class PairingRepositoryTest {

    MigratedDb db;
    PairingRepository pairings;

    @BeforeEach
    void setUp() {
        db = MigratedDb.h2();
        pairings = new PairingRepository(db.jdbc);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void storesAndReadsBackTheDemoPairing() {
        assertThat(pairings.isEmpty()).isTrue();
        assertThat(pairings.memberCount()).isZero();
        assertThat(pairings.agencies()).isEmpty();

        PairingSnapshot s = new DemoPairingGenerator(MigratedDb.SEED)
                .generate(db.directory.communities(), db.directory.grids());
        pairings.insert(s);

        assertThat(pairings.isEmpty()).isFalse();
        assertThat(pairings.agencies()).isEqualTo(s.agencies());
        assertThat(pairings.memberCount()).isEqualTo(s.members().size());
        Map<String, Agency> byCode = s.agencies().stream().collect(Collectors.toMap(Agency::code, a -> a));
        for (Pairing p : s.pairings()) {
            assertThat(pairings.pairedAgency(p.communityCode())).contains(byCode.get(p.agencyCode()));
        }
        assertThat(pairings.pairedAgency("C-NOPE")).isEmpty();
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM vanguard_station", Integer.class))
                .isEqualTo(s.stations().size());

        // the stored members sit in grids of communities paired with their own agency
        assertThat(db.jdbc.queryForObject("""
                SELECT COUNT(*) FROM agency_member m
                JOIN grid g ON g.code = m.grid_code
                JOIN pairing p ON p.community_code = g.community_code
                WHERE p.agency_code <> m.agency_code""", Integer.class)).isZero();
        assertThat(db.jdbc.queryForMap("SELECT * FROM agency_member WHERE id = 1"))
                .containsEntry("NAME", s.members().get(0).name())
                .containsEntry("GRID_CODE", s.members().get(0).gridCode())
                .containsEntry("PHONE", s.members().get(0).phone());
    }
}
