package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.pairing.CheckinService.Total;
import cn.lianban.support.MigratedDb;
import cn.lianban.support.Postgres;

/** V6 and the pairing and 双报到 SQL (identity keys, NUMERIC sums) on PostgreSQL 17 too. */
class PairingPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void migratesStoresAndSumsOnPostgres() {
        MigratedDb db = MigratedDb.on(postgres.database());
        assertThat(db.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");

        PairingRepository pairings = new PairingRepository(db.jdbc);
        PairingSnapshot s = new DemoPairingGenerator(MigratedDb.SEED)
                .generate(db.directory.communities(), db.directory.grids());
        pairings.insert(s);
        assertThat(pairings.agencies()).isEqualTo(s.agencies());
        assertThat(pairings.memberCount()).isEqualTo(5000);
        Pairing first = s.pairings().get(0);
        assertThat(pairings.pairedAgency(first.communityCode())).get().extracting(Agency::code)
                .isEqualTo(first.agencyCode());

        CheckinService checkins = new CheckinService(JdbcClient.create(db.jdbc),
                Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        String community = first.communityCode();
        AgencyMember m = pairings.membersPlacedIn(community).get(0);
        long id1 = checkins.checkIn(m.id(), community, LocalDate.of(2026, 3, 1), new BigDecimal("2.5"), "走访");
        long id2 = checkins.checkIn(m.id(), community, LocalDate.of(2026, 2, 28), new BigDecimal("1"), "义诊");
        assertThat(id2).isGreaterThan(id1);
        assertThat(checkins.totalsByMember(null))
                .containsExactly(new Total(String.valueOf(m.id()), m.name(), 2, new BigDecimal("3.5")));
        assertThat(checkins.totalsByAgency(YearMonth.of(2026, 3))).extracting(Total::key, Total::hours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(m.agencyCode(), new BigDecimal("2.5")));
        assertThat(checkins.totalsByCommunity(YearMonth.of(2026, 2))).extracting(Total::checkins).containsExactly(1L);
    }
}
