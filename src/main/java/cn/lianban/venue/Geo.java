package cn.lianban.venue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Walking time, the conversion of WGS-84 coordinates to GCJ-02 (the datum Chinese maps such as Amap use) and
 * the Amap navigation link.
 */
final class Geo {

    /** Walking speed for "minutes on foot": 80 m a minute, so 15 minutes ≈ 1.2 km (一刻钟党群服务圈). */
    public static final double WALK_METERS_PER_MINUTE = 80;

    /** GCJ-02 works on the Krasovsky 1940 ellipsoid: semi-major axis and first eccentricity squared. */
    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;

    private Geo() {
    }

    /** Whole minutes on foot, rounded up. */
    public static int walkingMinutes(double meters) {
        return (int) Math.ceil(meters / WALK_METERS_PER_MINUTE);
    }

    /** Outside this box (roughly mainland China) GCJ-02 equals WGS-84. */
    static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS-84 to GCJ-02; points outside China are returned unchanged. */
    public static LatLon toGcj02(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new LatLon(lat, lon);
        }
        double x = lon - 105.0;
        double y = lat - 35.0;
        double radLat = Math.toRadians(lat);
        double sinLat = Math.sin(radLat);
        double w = 1 - KRASOVSKY_EE * sinLat * sinLat;
        double sqrtW = Math.sqrt(w);
        // the offsets come in metres-like units; divide by the meridian and parallel radii to get degrees
        double meridianRadius = KRASOVSKY_A * (1 - KRASOVSKY_EE) / (w * sqrtW);
        double parallelRadius = KRASOVSKY_A / sqrtW * Math.cos(radLat);
        double dLat = Math.toDegrees(latOffset(x, y) / meridianRadius);
        double dLon = Math.toDegrees(lonOffset(x, y) / parallelRadius);
        return new LatLon(lat + dLat, lon + dLon);
    }

    private static double latOffset(double x, double y) {
        return -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + ripple(x) + waves(y, 20.0, 40.0, 160.0, 320.0);
    }

    private static double lonOffset(double x, double y) {
        return 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + ripple(x) + waves(x, 20.0, 40.0, 150.0, 300.0);
    }

    /** The short-wave term both offsets share. */
    private static double ripple(double x) {
        return (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    }

    /** Sines of periods 2, 6, 24 and 60 degrees with the given amplitudes, scaled by 2/3. */
    private static double waves(double t, double a, double b, double c, double d) {
        return (a * Math.sin(t * Math.PI) + b * Math.sin(t / 3.0 * Math.PI)
                + c * Math.sin(t / 12.0 * Math.PI) + d * Math.sin(t / 30.0 * Math.PI)) * 2.0 / 3.0;
    }

    /**
     * Amap's marker link: opens the Amap app on a phone (web map elsewhere) with a pin to navigate to.
     * Takes WGS-84 and passes GCJ-02, as Amap expects.
     */
    public static String amapMarkerUri(String name, double lat, double lon) {
        LatLon gcj = toGcj02(lat, lon);
        return String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s"
                + "&coordinate=gaode&callnative=1", gcj.lon(), gcj.lat(),
                URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** A point, latitude and longitude in degrees. */
    public record LatLon(double lat, double lon) {
    }
}
