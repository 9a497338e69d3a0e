package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.support.Postgres;
import cn.lianban.pairing.CheckinService.Total;
import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;
import cn.lianban.responsibility.ResponsibilityList;
import cn.lianban.pairing.PairingSnapshot;
import cn.lianban.pairing.PairingRepository;
import cn.lianban.pairing.Pairing;
import cn.lianban.pairing.DemoPairingGenerator;
import cn.lianban.pairing.CheckinService;
import cn.lianban.pairing.AgencyMember;
import cn.lianban.pairing.Agency;
import cn.lianban.support.MigratedDb;

/** V5 and V6 and the ticket data SQL (LIKE ... ESCAPE, identity keys, NUMERIC sums) on PostgreSQL 17 too. */
class TicketDataPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void migratesStoresAndSumsOnPostgres() {
        MigratedDb db = MigratedDb.on(postgres.database());
        assertThat(db.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");

        ResponsibilityList list = new ResponsibilityList(db.jdbc, event -> { });
        assertThat(list.search(null, null)).hasSize(220);
        assertThat(list.search(null, null)).filteredOn(ResponsibilityItem::isCoordination).hasSize(79);
        assertThat(list.categories()).hasSize(10);
        assertThat(list.search(null, "r-21")).hasSize(10);
        assertThat(list.search("SAFETY", "群租房")).hasSize(1);
        assertThat(list.search(null, "%")).isEmpty();
        list.save(new ResponsibilityItem("R-221", "小区消防车通道划线", "SAFETY", ResponsibilityList.COORDINATION, "fire",
                List.of("housing", "urban"), 10, true));
        assertThat(list.find("R-221").orElseThrow().helperDepts()).containsExactly("housing", "urban");
        assertThatThrownBy(() -> list.save(new ResponsibilityItem("R-221", "路灯不亮", "SAFETY",
                ResponsibilityList.BASIC, "fire", List.of(), 3, true))).isInstanceOf(IllegalArgumentException.class);

        PairingRepository pairings = new PairingRepository(db.jdbc);
        PairingSnapshot s = new DemoPairingGenerator(MigratedDb.SEED)
                .generate(db.directory.communities(), db.directory.grids());
        pairings.insert(s);
        assertThat(pairings.agencies()).isEqualTo(s.agencies());
        assertThat(pairings.memberCount()).isEqualTo(5000);
        Pairing first = s.pairings().get(0);
        assertThat(pairings.pairedAgency(first.communityCode())).get().extracting(Agency::code)
                .isEqualTo(first.agencyCode());

        CheckinService checkins = new CheckinService(db.jdbc);
        checkins.setClock(Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
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
