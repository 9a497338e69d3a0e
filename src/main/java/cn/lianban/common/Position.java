package cn.lianban.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A place on a case or ticket, WGS-84 degrees as a phone's GPS gives them (process variables {@code lat},
 * {@code lon}; columns of the same names). Both or neither: a case without a position has none. Map links convert
 * to GCJ-02 ({@link Gcj02}), the datum of China's map apps.
 */
public record Position(double lat, double lon) {

    /** China's rough bounding box: a position outside it is a typo or a swapped pair, refused at filing. */
    public static final double MIN_LAT = 3;
    public static final double MAX_LAT = 54;
    public static final double MIN_LON = 73;
    public static final double MAX_LON = 136;
    /** Five decimals are about a metre: more than a phone's GPS knows, enough to walk to the spot. */
    private static final int SHOWN_DECIMALS = 5;

    /**
     * The position as a start form or REST sent it, checked: both numbers within China or neither (null).
     *
     * @throws UserInputException naming the field in Chinese
     */
    public static Position of(Object lat, Object lon, String latField, String lonField) {
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            throw new UserInputException(lat == null ? latField : lonField,
                    "位置的纬度和经度须同时填写，或都不填：缺少" + (lat == null ? "纬度" : "经度"));
        }
        double latitude = degrees(lat, latField, "纬度", MIN_LAT, MAX_LAT);
        double longitude = degrees(lon, lonField, "经度", MIN_LON, MAX_LON);
        return new Position(latitude, longitude);
    }

    private static double degrees(Object value, String field, String name, double min, double max) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new UserInputException(field, name + "须为数字（十进制度数，如 37.64）");
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw new UserInputException(field, name + "须在中国境内（" + plain(min) + " 到 " + plain(max)
                    + " 度之间），收到 " + plain(d));
        }
        return d;
    }

    /** E.g. 北纬 37.61234°，东经 120.45678° (WGS-84, rounded to about a metre). */
    public String label() {
        return "北纬 " + rounded(lat) + "°，东经 " + rounded(lon) + "°";
    }

    /**
     * A marker in Amap (高德地图) at this place, in the app when installed (callnative), else its web map; the
     * position sent in GCJ-02 ({@code coordinate=gaode}).
     */
    public String amapLink(String name) {
        Position gcj = Gcj02.fromWgs84(this);
        return "https://uri.amap.com/marker?position=" + rounded(gcj.lon) + "," + rounded(gcj.lat)
                + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "&src=lianban&coordinate=gaode&callnative=1";
    }

    private static String rounded(double degrees) {
        return String.format(Locale.ROOT, "%." + SHOWN_DECIMALS + "f", degrees);
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).setScale(SHOWN_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
