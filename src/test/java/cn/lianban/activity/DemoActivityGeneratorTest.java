package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.lianban.activity.DemoActivityGenerator.DemoActivity;
import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.DirectorySnapshot;
import cn.lianban.venue.DemoVenueGenerator;
import cn.lianban.venue.Venue;

/** The demo activities: a dozen in the coming weeks, at venues that can hold them, some full, some nearly. */
class DemoActivityGeneratorTest {

    static final long SEED = 20261129L;
    static final DirectorySnapshot ORG = new DemoDirectoryGenerator(SEED).generate();
    static final List<Venue> VENUES = new DemoVenueGenerator(SEED).generate(ORG.streets(), ORG.areas(),
            ORG.communities());
    static final Map<String, Venue> BY_CODE = VENUES.stream().collect(Collectors.toMap(Venue::code, Function.identity()));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    final List<DemoActivity> demo = new DemoActivityGenerator(SEED).generate(VENUES, TODAY);

    @Test
    void aDozenActivitiesInTheComingFourWeeksAtDifferentVenues() {
        assertThat(demo).hasSize(DemoActivityGenerator.ACTIVITIES);
        assertThat(demo).allSatisfy(d -> assertThat(d.activity().startsAt().toLocalDate())
                .isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusWeeks(DemoActivityGenerator.WEEKS)));
        assertThat(demo).extracting(d -> d.activity().venueCode()).doesNotHaveDuplicates();
        assertThat(demo).extracting(d -> BY_CODE.get(d.activity().venueCode()).level()).contains(Venue.CITY,
                Venue.AREA, Venue.COMMUNITY);
        assertThat(demo).extracting(d -> d.activity().title()).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("[\\p{IsHan}（）]+"));
    }

    @Test
    void eachFitsItsVenueAndIsPublishedByTheUnitThatManagesIt() {
        for (DemoActivity d : demo) {
            Venue venue = BY_CODE.get(d.activity().venueCode());
            assertThat(venue.isOpen(d.activity().startsAt(), d.activity().endsAt())).as(d.activity().title()).isTrue();
            assertThat(d.activity().capacity()).as(d.activity().title()).isBetween(1, venue.capacity());
            assertThat(d.unitGroup()).isEqualTo(venue.managerGroup()).isEqualTo(d.activity().unitGroup());
            assertThat(d.activity().description()).isNotBlank();
        }
    }

    @Test
    void someAreFullWithAWaitingListAndSomeHaveOnePlaceLeft() {
        assertThat(demo).anyMatch(d -> d.residents().size() > d.activity().capacity());
        assertThat(demo).anyMatch(d -> d.residents().size() == d.activity().capacity() - 1);
        assertThat(demo).anyMatch(d -> d.residents().size() < d.activity().capacity() - 1);
        for (DemoActivity d : demo) {
            assertThat(d.residents()).extracting(DemoActivityGenerator.Resident::phone).doesNotHaveDuplicates()
                    .allMatch(p -> ActivityService.PHONE.matcher(p).matches());
            assertThat(d.residents()).extracting(DemoActivityGenerator.Resident::name)
                    .allMatch(n -> n.matches("\\p{IsHan}{2,3}"));
        }
    }

    @Test
    void theSameSeedVenuesAndDayGiveTheSameActivities() {
        assertThat(new DemoActivityGenerator(SEED).generate(VENUES, TODAY)).isEqualTo(demo);
        assertThat(new DemoActivityGenerator(SEED).generate(VENUES, TODAY.plusDays(30)))
                .allMatch(d -> d.activity().startsAt().toLocalDate().isAfter(TODAY.plusDays(30)));
    }
}
