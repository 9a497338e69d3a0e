package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Search around P = (37.65 N, 120.48 E) over venues at hand-computed distances (R = 6371008.8 m; 0.01° of
 * latitude = 1111.95 m; 0.01° of longitude at 37.65° = 1111.95 · cos 37.65° = 880.39 m):
 * <ul>
 *   <li>EAST (37.65, 120.49): 880.39 m, 12 minutes on foot (880.39 / 80 = 11.005, rounded up)</li>
 *   <li>NE (37.656, 120.488): 0.006° north = 667.17 m, 0.008° east at the mean latitude 37.653° =
 *       0.8 · 1111.95 · cos 37.653° = 704.28 m; √(667.17² + 704.28²) ≈ 970.12 m, 13 minutes</li>
 *   <li>NORTH (37.66, 120.48): 1111.95 m, 14 minutes</li>
 *   <li>FAR (37.65, 120.4947): 0.0147° east = 1.47 · 880.39 ≈ 1294.2 m, outside 1.2 km</li>
 * </ul>
 */
class VenueSearchTest {

    static final Venue EAST = venue("EAST", 37.65, 120.49, "activity", "library");
    static final Venue NE = venue("NE", 37.656, 120.488, "canteen");
    static final Venue NORTH = venue("NORTH", 37.66, 120.48, "library");
    static final Venue FAR = venue("FAR", 37.65, 120.4947, "library");
    static final List<Venue> ALL = List.of(FAR, NORTH, NE, EAST);

    @Test
    void withinTheDefaultRadiusNearestFirstWithDistanceAndWalkingMinutes() {
        var found = VenueSearch.search(ALL, new VenueSearch.Query(37.65, 120.48, 1200, null));
        assertThat(found).extracting(f -> f.venue().code(), VenueSearch.Found::meters, VenueSearch.Found::walkMinutes)
                .containsExactly(tuple("EAST", 880L, 12), tuple("NE", 970L, 13), tuple("NORTH", 1112L, 14));
        assertThat(found.get(0).distanceMeters()).isCloseTo(880.39, org.assertj.core.api.Assertions.within(0.01));
        assertThat(found.get(1).distanceMeters()).isCloseTo(970.12, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void radiusAndFunctionNarrowTheSearch() {
        assertThat(VenueSearch.search(ALL, new VenueSearch.Query(37.65, 120.48, 1300, "library")))
                .extracting(f -> f.venue().code()).containsExactly("EAST", "NORTH", "FAR");
        assertThat(VenueSearch.search(ALL, new VenueSearch.Query(37.65, 120.48, 900, null)))
                .extracting(f -> f.venue().code()).containsExactly("EAST");
        assertThat(VenueSearch.search(ALL, new VenueSearch.Query(37.65, 120.48, 1200, "sports"))).isEmpty();
    }

    @Test
    void withoutAPointEveryVenueOfTheFunctionInTheGivenOrder() {
        var found = VenueSearch.search(ALL, new VenueSearch.Query(null, null, 1200, "library"));
        assertThat(found).extracting(f -> f.venue().code()).containsExactly("FAR", "NORTH", "EAST");
        assertThat(found).allSatisfy(f -> assertThat(f.distanceMeters()).isNull());
    }

    static Venue venue(String code, double lat, double lon, String... functions) {
        return new Venue(code, code, Venue.COMMUNITY, List.of(functions), "地址", lat, lon, LocalTime.of(8, 30),
                LocalTime.of(20, 0), 30, false, null, null, "community:C-DL-01");
    }
}
