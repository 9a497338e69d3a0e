package cn.lianban.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import cn.lianban.common.Distance;

class GeoTest {

    /**
     * Hand computation with R = 6371008.8 m: one hundredth of a degree along a meridian is
     * R · 0.01 · π/180 = 6371008.8 · 1.745329252e-4 = 1111.95 m; along the parallel at 37.65° it is that times
     * cos 37.65° = 0.791757, i.e. 880.39 m (the haversine of such short arcs equals these to a millimetre).
     */
    @Test
    void haversineDistancesAgreeWithTheHandComputation() {
        assertThat(Distance.meters(37.65, 120.48, 37.66, 120.48)).isCloseTo(1111.95, within(0.01));
        assertThat(Distance.meters(37.65, 120.48, 37.65, 120.49)).isCloseTo(880.39, within(0.01));
        assertThat(Distance.meters(37.65, 120.48, 37.65, 120.48)).isZero();
        // symmetric, and half the circumference between antipodes: π · R = 20015114.44 m
        assertThat(Distance.meters(37.66, 120.48, 37.65, 120.48)).isCloseTo(1111.95, within(0.01));
        assertThat(Distance.meters(0, 0, 0, 180)).isCloseTo(20015114.44, within(0.01));
    }

    @Test
    void walkingMinutesAt80MetresAMinuteRoundUp() {
        assertThat(Geo.walkingMinutes(1200)).isEqualTo(15);
        assertThat(Geo.walkingMinutes(880.39)).isEqualTo(12);
        assertThat(Geo.walkingMinutes(0)).isZero();
    }

    /** Reference pairs WGS-84 → GCJ-02: Tiananmen, and two pairs published with open-source converters. */
    @Test
    void wgs84ToGcj02MatchesReferencePoints() {
        assertGcj(39.908692, 116.397477, 39.910096, 116.403719, 1e-5);
        assertGcj(39.915, 116.404, 39.91640428150164, 116.41024449916938, 1e-9);
        assertGcj(34.829793, 113.647881, 34.8287280094783, 113.65396374215176, 1e-9);
        // the demo city: GCJ-02 lies some 100 m north-east of WGS-84 here
        Geo.LatLon city = Geo.toGcj02(37.65, 120.48);
        assertThat(city.lat() - 37.65).isBetween(0.0005, 0.0015);
        assertThat(city.lon() - 120.48).isBetween(0.003, 0.007);
    }

    @Test
    void pointsOutsideChinaAreUnchanged() {
        assertThat(Geo.toGcj02(48.8566, 2.3522)).isEqualTo(new Geo.LatLon(48.8566, 2.3522));
        assertThat(Geo.toGcj02(-33.8688, 151.2093)).isEqualTo(new Geo.LatLon(-33.8688, 151.2093));
        assertThat(Geo.toGcj02(60.0, 120.0)).isEqualTo(new Geo.LatLon(60.0, 120.0));
    }

    @Test
    void amapLinkCarriesGcj02AndTheEncodedName() {
        Geo.LatLon gcj = Geo.toGcj02(39.908692, 116.397477);
        assertThat(Geo.amapMarkerUri("天安门 广场", 39.908692, 116.397477)).isEqualTo(String.format(
                java.util.Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s"
                        + "&coordinate=gaode&callnative=1", gcj.lon(), gcj.lat(),
                "%E5%A4%A9%E5%AE%89%E9%97%A8%20%E5%B9%BF%E5%9C%BA"))
                .startsWith("https://uri.amap.com/marker?position=116.40372");
    }

    private static void assertGcj(double lat, double lon, double gcjLat, double gcjLon, double tolerance) {
        Geo.LatLon gcj = Geo.toGcj02(lat, lon);
        assertThat(gcj.lat()).as("latitude of %s,%s", lat, lon).isCloseTo(gcjLat, within(tolerance));
        assertThat(gcj.lon()).as("longitude of %s,%s", lat, lon).isCloseTo(gcjLon, within(tolerance));
    }
}
