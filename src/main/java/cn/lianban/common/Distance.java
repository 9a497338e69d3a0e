package cn.lianban.common;

/** Great-circle distance between WGS-84 points, shared by venue search and the Open311 service area. */
public final class Distance {

    /** Mean earth radius (IUGG), metres. */
    private static final double EARTH_RADIUS_M = 6371008.8;

    private Distance() {
    }

    /** Great-circle distance by the haversine formula, in metres. */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
