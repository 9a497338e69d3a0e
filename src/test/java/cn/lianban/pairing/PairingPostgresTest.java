package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

        // issue 15: a member's own service waits and does not count until confirmed
        long own = checkins.report(m.id(), community, LocalDate.of(2026, 2, 27), new BigDecimal("4"), "代购", null);
        assertThat(checkins.totalsByCommunity(YearMonth.of(2026, 2))).extracting(Total::checkins).containsExactly(1L);
        assertThat(checkins.decide(own, true, "", "secretary")).isTrue();
        assertThat(checkins.decide(own, false, "重复", "secretary")).isFalse();
        assertThat(checkins.totalsByCommunity(YearMonth.of(2026, 2))).extracting(Total::checkins).containsExactly(2L);
    }

    /** Two members claim one need at the same moment on PostgreSQL: the conditional update lets exactly one win. */
    @Test
    void ofTwoClaimsAtOnceOneWinsOnPostgres() throws Exception {
        MigratedDb db = MigratedDb.on(postgres.newDatabase("claims"));
        PairingRepository pairings = new PairingRepository(db.jdbc);
        pairings.insert(new DemoPairingGenerator(MigratedDb.SEED)
                .generate(db.directory.communities(), db.directory.grids()));
        Needs needs = new Needs(JdbcClient.create(db.jdbc),
                Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        String community = db.directory.communities().get(0).code();
        List<AgencyMember> members = pairings.membersPlacedIn(community);
        for (int round = 0; round < 20; round++) {
            long need = needs.publish(community, new Needs.NeedInput(Needs.Kind.WISH, "代购药品 " + round, "说明"),
                    "secretary");
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> claims = pool.invokeAll(List.of(
                        () -> {
                            start.await();
                            return needs.claim(need, members.get(0).id());
                        },
                        () -> {
                            start.await();
                            return needs.claim(need, members.get(members.size() > 1 ? 1 : 0).id());
                        }));
                int won = 0;
                for (Future<Boolean> claim : claims) {
                    won += claim.get() ? 1 : 0;
                }
                assertThat(won).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }
    }
}
