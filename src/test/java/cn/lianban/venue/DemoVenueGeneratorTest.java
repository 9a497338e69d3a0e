package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.lianban.common.Distance;
import cn.lianban.directory.Area;
import cn.lianban.directory.Community;
import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.DirectorySnapshot;

class DemoVenueGeneratorTest {

    static final long SEED = 20261129L;
    static final DirectorySnapshot ORG = new DemoDirectoryGenerator(SEED).generate();
    static final List<Venue> VENUES = new DemoVenueGenerator(SEED).generate(ORG.streets(), ORG.areas(),
            ORG.communities());

    @Test
    void exactly157VenuesOnFiveLevels() {
        assertThat(VENUES).hasSize(DemoVenueGenerator.DEMO_VENUES);
        Map<Integer, Long> perLevel = VENUES.stream().collect(Collectors.groupingBy(Venue::level, Collectors.counting()));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(1, 1L, 2, 7L, 3, 84L, 4, 30L, 5, 35L));
        assertThat(VENUES).extracting(Venue::code).doesNotHaveDuplicates();
        assertThat(VENUES).extracting(Venue::name).doesNotHaveDuplicates();
        assertThat(VENUES.stream().filter(v -> v.level() == Venue.STATION).map(Venue::name))
                .anyMatch(n -> n.endsWith("交通枢纽驿站")).anyMatch(n -> n.endsWith("户外劳动者驿站"))
                .anyMatch(n -> n.endsWith("网格驿站"));
        assertThat(VENUES.stream().filter(v -> v.level() == Venue.BUILDING)).allMatch(v -> v.name().endsWith("善治角")
                && v.opens().equals(LocalTime.of(9, 0)) && v.closes().equals(LocalTime.of(17, 0)));
    }

    @Test
    void oneComplexPerAreaManagedByItsCommitteeAndTheCityCenterByTheCenter() {
        assertThat(VENUES.stream().filter(v -> v.level() == Venue.AREA).map(Venue::areaCode))
                .containsExactlyInAnyOrderElementsOf(ORG.areas().stream().map(Area::code).toList());
        assertThat(VENUES.stream().filter(v -> v.level() == Venue.AREA))
                .allMatch(v -> v.managerGroup().equals("area:" + v.areaCode()) && v.name().endsWith("片区党群服务中心")
                        && v.opens().equals(LocalTime.of(8, 30)) && v.closes().equals(LocalTime.of(20, 0)));
        Venue city = VENUES.get(0);
        assertThat(city.level()).isEqualTo(Venue.CITY);
        assertThat(city.managerGroup()).isEqualTo("city-center");
        assertThat(city.needsApproval()).isTrue();
        assertThat(VENUES).filteredOn(Venue::needsApproval).extracting(Venue::code)
                .containsExactlyInAnyOrder("V-CITY", "V-A-DL-1", "V-A-LG-6", "V-A-XF-4");
    }

    @Test
    void localVenuesLieNearTheirCommunityWithKnownFunctionsAndHours() {
        Map<String, Community> communities = ORG.communities().stream()
                .collect(Collectors.toMap(Community::code, Function.identity()));
        for (Venue v : VENUES.stream().filter(v -> v.level() >= Venue.COMMUNITY).toList()) {
            Community c = communities.get(v.communityCode());
            assertThat(v.areaCode()).isEqualTo(c.areaCode());
            assertThat(v.managerGroup()).isEqualTo("community:" + c.code());
            assertThat(Distance.meters(v.lat(), v.lon(), c.lat(), c.lon())).as(v.code()).isLessThan(400);
        }
        assertThat(VENUES).allSatisfy(v -> {
            assertThat(v.functions()).isNotEmpty().isSubsetOf(DemoVenueGenerator.FUNCTIONS).doesNotHaveDuplicates();
            assertThat(v.opens()).isBefore(v.closes());
            assertThat(v.hourStarts(java.time.LocalDate.of(2026, 12, 1))).isNotEmpty();
            assertThat(v.address()).isNotBlank();
            assertThat(v.capacity()).isPositive();
        });
    }

    @Test
    void theSameSeedAndUnitsInAnyOrderGiveTheSameVenues() {
        List<Community> shuffled = new java.util.ArrayList<>(ORG.communities());
        Collections.reverse(shuffled);
        assertThat(new DemoVenueGenerator(SEED).generate(ORG.streets(), ORG.areas(), shuffled))
                .isEqualTo(VENUES);
        assertThat(new DemoVenueGenerator(SEED + 1).generate(ORG.streets(), ORG.areas(), ORG.communities()))
                .isNotEqualTo(VENUES);
    }
}
