package cn.lianban.common;

/**
 * WGS-84 (what a phone's GPS gives and what the project stores) to GCJ-02, the datum every map app in China
 * expects: the published public approximation of the obfuscation (Krasovsky ellipsoid, the constants every port
 * uses; accurate to a metre or two), applied only inside China's rough rectangle. Hand-written because no library
 * on Maven Central offers it (the maintained ones are JavaScript, e.g. gcoord; Java ports are copied code).
 */
public final class Gcj02 {

    /** Semi-major axis and eccentricity squared of the Krasovsky 1940 ellipsoid, as GCJ-02 uses them. */
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** The GCJ-02 point of a WGS-84 one; outside China the point as it is (GCJ-02 shifts nothing there). */
    public static Position fromWgs84(Position wgs) {
        double lat = wgs.lat();
        double lon = wgs.lon();
        if (outsideChina(lat, lon)) {
            return wgs;
        }
        double dLat = latShift(lon - 105.0, lat - 35.0);
        double dLon = lonShift(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new Position(lat + dLat, lon + dLon);
    }

    private static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double latShift(double x, double y) {
        double shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return shift;
    }

    private static double lonShift(double x, double y) {
        double shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        shift += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        shift += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        shift += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return shift;
    }
}
