package cn.lianban.venue;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Distance;

/**
 * Finds venues by function and by distance from a point (一刻钟党群服务圈: 15 minutes on foot, about 1.2 km).
 * There are a few hundred venues at most, so the search runs over all of them in memory.
 */
@Service
class VenueSearch {

    public static final int DEFAULT_RADIUS = 1200;
    public static final int MAX_RADIUS = 50_000;

    private final VenueRepository venues;

    public VenueSearch(VenueRepository venues) {
        this.venues = venues;
    }

    /**
     * Checks a search as it comes from a query string: a point needs both {@code lat} and {@code lon}
     * (WGS-84 degrees); {@code radius} in metres (default 1200); {@code function} a function code.
     */
    public Query query(String lat, String lon, String radius, String function) {
        Double la = number(lat, "lat（纬度）");
        Double lo = number(lon, "lon（经度）");
        Double r = number(radius, "radius（半径，米）");
        if ((la == null) != (lo == null)) {
            throw new BadRequest("incomplete_point", "lat（纬度）和 lon（经度）须同时给出");
        }
        if (la != null && (la < -90 || la > 90 || lo < -180 || lo > 180)) {
            throw new BadRequest("bad_point", "lat（纬度）须在 -90 到 90 之间，lon（经度）须在 -180 到 180 之间");
        }
        if (r != null && (r <= 0 || r > MAX_RADIUS)) {
            throw new BadRequest("bad_radius", "radius（半径，米）须大于 0、不超过 " + MAX_RADIUS);
        }
        String f = function == null || function.isBlank() ? null : function.strip();
        if (f != null && !venues.functionNames().containsKey(f)) {
            throw new BadRequest("unknown_function", "function（功能）" + f + " 不是已知的功能代码，可选："
                    + String.join("、", venues.functionNames().keySet()));
        }
        return new Query(la, lo, r == null ? DEFAULT_RADIUS : r.intValue(), f);
    }

    public List<Found> search(Query q) {
        return search(venues.all(), q);
    }

    /**
     * Venues offering the function; with a point, only those within the radius, nearest first (else in the
     * given order).
     */
    public static List<Found> search(List<Venue> all, Query q) {
        var offering = all.stream().filter(v -> q.function() == null || v.offers(q.function()));
        if (!q.near()) {
            return offering.map(v -> new Found(v, null)).toList();
        }
        return offering.map(v -> new Found(v, Distance.meters(q.lat(), q.lon(), v.lat(), v.lon())))
                .filter(f -> f.distanceMeters() <= q.radius())
                .sorted(Comparator.comparingDouble(Found::distanceMeters)).toList();
    }

    private static Double number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("bad_number", field + "须为数字：" + value);
    }

    /** A checked search; lat and lon are both null for a search without a point. */
    public record Query(Double lat, Double lon, int radius, String function) {
        public boolean near() {
            return lat != null && lon != null;
        }
    }

    /** A venue found, with its distance from the point if there was one. */
    public record Found(Venue venue, Double distanceMeters) {
        public Integer walkMinutes() {
            return distanceMeters == null ? null : Geo.walkingMinutes(distanceMeters);
        }

        /** The distance in whole metres. */
        public Long meters() {
            return distanceMeters == null ? null : Math.round(distanceMeters);
        }
    }
}
