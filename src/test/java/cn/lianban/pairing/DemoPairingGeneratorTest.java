package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import cn.lianban.directory.Community;
import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.DirectorySnapshot;
import cn.lianban.directory.Grid;
import cn.lianban.support.MigratedDb;

class DemoPairingGeneratorTest {

    static final DirectorySnapshot DEMO = new DemoDirectoryGenerator(MigratedDb.SEED).generate();

    /** 233 communities with 1032 grids: 133 communities of 4 grids and 100 of 5, as in the Wujin figures. */
    static List<Community> wujinCommunities() {
        List<Community> communities = new ArrayList<>();
        for (int c = 1; c <= 233; c++) {
            communities.add(new Community(String.format("C-WJ-%03d", c), "第" + c + "社区", "A-WJ-" + (1 + c % 9),
                    31.70 + c * 0.0004, 119.95 + c * 0.0005, null));
        }
        return communities;
    }

    static List<Grid> wujinGrids(List<Community> communities) {
        List<Grid> grids = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            Community community = communities.get(c);
            int count = c < 100 ? 5 : 4;
            for (int g = 1; g <= count; g++) {
                grids.add(new Grid(community.code() + "-G" + g, community.name() + "第" + g + "网格", community.code(),
                        community.lat(), community.lon()));
            }
        }
        return grids;
    }

    @Test
    void theSameSeedGivesTheSameData() {
        PairingSnapshot a = new DemoPairingGenerator(7).generate(DEMO.communities(), DEMO.grids());
        PairingSnapshot b = new DemoPairingGenerator(7).generate(DEMO.communities(), DEMO.grids());
        assertThat(a).isEqualTo(b);
        assertThat(new DemoPairingGenerator(8).generate(DEMO.communities(), DEMO.grids())).isNotEqualTo(a);

        // generating twice with one generator, or from the same organisation listed in another order, changes nothing
        DemoPairingGenerator generator = new DemoPairingGenerator(7);
        generator.generate(DEMO.communities(), DEMO.grids());
        List<Community> communities = new ArrayList<>(DEMO.communities());
        List<Grid> grids = new ArrayList<>(DEMO.grids());
        Collections.reverse(communities);
        Collections.shuffle(grids, new java.util.Random(1));
        assertThat(generator.generate(communities, grids)).isEqualTo(a);
    }

    @Test
    void theWujinFiguresFor233CommunitiesAnd1032Grids() {
        List<Community> communities = wujinCommunities();
        List<Grid> grids = wujinGrids(communities);
        assertThat(grids).hasSize(1032);

        PairingSnapshot s = new DemoPairingGenerator(MigratedDb.SEED).generate(communities, grids);

        assertThat(s.agencies()).hasSize(64);
        assertThat(s.pairings()).hasSize(233);
        assertThat(s.members()).hasSize(5000);
        assertThat(s.stations()).hasSize(11);
        assertThat(s.agencies()).extracting(Agency::code)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 64)
                        .mapToObj(i -> String.format("AG-%02d", i)).toList());
        assertThat(s.agencies()).extracting(Agency::kind).contains(Agency.AGENCY, Agency.SOE);
        // every agency is paired with 3 or 4 communities and has members
        Map<String, Long> perAgency = s.pairings().stream()
                .collect(Collectors.groupingBy(Pairing::agencyCode, Collectors.counting()));
        assertThat(perAgency).hasSize(64);
        assertThat(perAgency.values()).allMatch(n -> n == 3 || n == 4);
        assertThat(s.members().stream().map(AgencyMember::agencyCode).distinct()).hasSize(64);
        assertWellFormed(s, communities, grids);
    }

    @Test
    void sizesFollowTheDemoDirectory() {
        PairingSnapshot s = new DemoPairingGenerator(MigratedDb.SEED).generate(DEMO.communities(), DEMO.grids());
        // the demo directory is at Wujin's scale: 64 agencies paired with 233 communities, 5000 members, 11 stations
        assertThat(DEMO.communities()).hasSize(233);
        assertThat(s.agencies()).hasSize(64);
        assertThat(s.pairings()).hasSize(233);
        assertThat(s.members()).hasSize(DemoPairingGenerator.MEMBERS);
        assertThat(s.stations()).hasSize(11);
        assertWellFormed(s, DEMO.communities(), DEMO.grids());
    }

    @Test
    void fewerMembersThanGridsAndAnEmptyOrganisation() {
        List<Community> communities = wujinCommunities();
        List<Grid> grids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            grids.addAll(wujinGrids(communities)
                    .stream().map(g -> new Grid(g.code() + "-" + grids.size(), g.name(), g.communityCode(), 0, 0))
                    .toList());
        }
        assertThat(grids.size()).isGreaterThan(DemoPairingGenerator.MEMBERS);
        PairingSnapshot s = new DemoPairingGenerator(3).generate(communities, grids);
        assertThat(s.members()).hasSize(DemoPairingGenerator.MEMBERS);
        assertThat(s.members()).extracting(AgencyMember::gridCode).doesNotHaveDuplicates();
        assertWellFormed(s, communities, grids);

        PairingSnapshot none = new DemoPairingGenerator(3).generate(List.of(), List.of());
        assertThat(none).isEqualTo(new PairingSnapshot(List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void rejectsGridsOfUnknownCommunitiesAndDuplicateCodes() {
        List<Community> communities = wujinCommunities();
        List<Grid> grids = List.of(new Grid("G-X", "某网格", "C-NOPE", 0, 0));
        assertThatThrownBy(() -> new DemoPairingGenerator(1).generate(communities, grids))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C-NOPE");
        List<Community> twice = new ArrayList<>(communities);
        twice.add(communities.get(0));
        assertThatThrownBy(() -> new DemoPairingGenerator(1).generate(twice, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(communities.get(0).code());
    }

    /** Checks that hold for any input. */
    static void assertWellFormed(PairingSnapshot s, List<Community> communities, List<Grid> grids) {
        Map<String, Grid> gridByCode = grids.stream().collect(Collectors.toMap(Grid::code, Function.identity()));
        Set<String> agencyCodes = s.agencies().stream().map(Agency::code).collect(Collectors.toSet());
        Map<String, String> agencyOfCommunity = s.pairings().stream()
                .collect(Collectors.toMap(Pairing::communityCode, Pairing::agencyCode));

        // agencies
        assertThat(s.agencies()).extracting(Agency::code).doesNotHaveDuplicates().allMatch(c -> c.matches("AG-\\d{2}"));
        assertThat(s.agencies()).extracting(Agency::name).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).isNotBlank().hasSizeLessThanOrEqualTo(100));
        assertThat(s.agencies()).allSatisfy(a -> {
            assertThat(a.kind()).isIn(Agency.AGENCY, Agency.SOE);
            assertThat(a.email()).isEqualTo(a.code().toLowerCase() + "@agency.lianban.demo");
        });
        // every community paired exactly once, with an agency of the snapshot, and every agency paired
        assertThat(s.pairings()).extracting(Pairing::communityCode).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(communities.stream().map(Community::code).toList());
        assertThat(agencyOfCommunity.values()).allMatch(agencyCodes::contains);
        assertThat(Set.copyOf(agencyOfCommunity.values())).isEqualTo(agencyCodes);
        // members: ids 1..n, placed in a grid of a community paired with their own agency
        assertThat(s.members()).extracting(AgencyMember::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, s.members().size()).boxed().toList());
        for (AgencyMember m : s.members()) {
            Grid grid = gridByCode.get(m.gridCode());
            assertThat(grid).as("grid of member %d", m.id()).isNotNull();
            assertThat(m.agencyCode()).as("agency of member %d", m.id())
                    .isEqualTo(agencyOfCommunity.get(grid.communityCode()));
            assertThat(m.name()).hasSizeBetween(2, 3);
            assertThat(m.phone()).matches("138\\d{8}");
        }
        assertThat(s.members()).extracting(AgencyMember::phone).doesNotHaveDuplicates();
        if (grids.size() <= DemoPairingGenerator.MEMBERS) {
            assertThat(s.members().stream().map(AgencyMember::gridCode).collect(Collectors.toSet()))
                    .as("every grid has a member").isEqualTo(gridByCode.keySet());
        }
        // stations in distinct communities, close to them
        Map<String, Community> communityByCode = communities.stream()
                .collect(Collectors.toMap(Community::code, Function.identity()));
        assertThat(s.stations()).extracting(VanguardStation::code)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, s.stations().size())
                        .mapToObj(i -> String.format("VS-%02d", i)).toList());
        assertThat(s.stations()).extracting(VanguardStation::communityCode).doesNotHaveDuplicates();
        assertThat(s.stations()).allSatisfy(v -> {
            Community c = communityByCode.get(v.communityCode());
            assertThat(c).isNotNull();
            assertThat(v.name()).contains("先锋服务站").hasSizeLessThanOrEqualTo(64);
            assertThat(Math.abs(v.lat() - c.lat())).isLessThanOrEqualTo(0.0011);
            assertThat(Math.abs(v.lon() - c.lon())).isLessThanOrEqualTo(0.0013);
        });
    }
}
