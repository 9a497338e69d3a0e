package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Positions on cases and tickets: the checks at filing, the label, and WGS-84 → GCJ-02 for the map link. */
class PositionTest {

    @Test
    void gcj02MatchesTheReferenceImplementation() {
        // gcoord's own test point (hujiulong/gcoord, test/unit/crs/WGS84.spec.ts): lon 123, lat 45
        Position gcj = Gcj02.fromWgs84(new Position(45, 123));
        assertThat(gcj.lon()).isCloseTo(123.00607541, within(1e-7));
        assertThat(gcj.lat()).isCloseTo(45.00197815, within(1e-7));
    }

    @Test
    void gcj02ShiftsAPlaceInLongkouByAFewHundredMetres() {
        Position wgs = new Position(37.64, 120.33);
        Position gcj = Gcj02.fromWgs84(wgs);
        double metres = Distance.meters(wgs.lat(), wgs.lon(), gcj.lat(), gcj.lon());
        assertThat(metres).isBetween(100.0, 1000.0);
        // eastwards and a little north in Shandong, as every map app shows the known offset
        assertThat(gcj.lon()).isGreaterThan(wgs.lon());
    }

    @Test
    void outsideChinaNothingMoves() {
        Position tokyo = new Position(35.68, 139.76);
        assertThat(Gcj02.fromWgs84(tokyo)).isEqualTo(tokyo);
    }

    @Test
    void bothOrNeitherWithinChina() {
        assertThat(Position.of(null, null, "lat", "lon")).isNull();
        assertThat(Position.of(37.64, 120.33, "lat", "lon")).isEqualTo(new Position(37.64, 120.33));
        assertThat(Position.of(37L, 120, "lat", "lon")).isEqualTo(new Position(37, 120));
        assertThatThrownBy(() -> Position.of(37.64, null, "lat", "lon")).isInstanceOf(UserInputException.class)
                .hasMessage("位置的纬度和经度须同时填写，或都不填：缺少经度")
                .satisfies(e -> assertThat(((UserInputException) e).field()).isEqualTo("lon"));
        assertThatThrownBy(() -> Position.of(120.33, 37.64, "lat", "lon")).isInstanceOf(UserInputException.class)
                .hasMessage("纬度须在中国境内（3 到 54 度之间），收到 120.33");
        assertThatThrownBy(() -> Position.of(37.64, 150, "lat", "lon"))
                .hasMessage("经度须在中国境内（73 到 136 度之间），收到 150");
        assertThatThrownBy(() -> Position.of("37.64", 120.33, "lat", "lon"))
                .hasMessage("纬度须为数字（十进制度数，如 37.64）");
        assertThatThrownBy(() -> Position.of(Double.NaN, 120.33, "lat", "lon"))
                .hasMessage("纬度须为数字（十进制度数，如 37.64）");
    }

    @Test
    void labelAndLinkSpeakChineseAndGcj02() {
        Position p = new Position(37.640001, 120.330004);
        assertThat(p.label()).isEqualTo("北纬 37.64000°，东经 120.33000°");
        Position gcj = Gcj02.fromWgs84(p);
        assertThat(p.amapLink("TK-2026-000001 占道经营")).isEqualTo(String.format(java.util.Locale.ROOT,
                "https://uri.amap.com/marker?position=%.5f,%.5f&name=TK-2026-000001%%20%%E5%%8D%%A0%%E9%%81%%93"
                        + "%%E7%%BB%%8F%%E8%%90%%A5&src=lianban&coordinate=gaode&callnative=1", gcj.lon(), gcj.lat()));
    }
}
