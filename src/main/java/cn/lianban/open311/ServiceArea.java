package cn.lianban.open311;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.lianban.common.Distance;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;

/**
 * Which community a reported place belongs to: the nearest community of the directory (great-circle distance
 * to its coordinate), if it lies within {@code lianban.open311.max-distance-meters} (default 5 km).
 */
@Component
class ServiceArea {

    private final Directory directory;
    private final double maxDistanceMeters;

    ServiceArea(Directory directory, @Value("${lianban.open311.max-distance-meters:5000}") double maxDistanceMeters) {
        this.directory = directory;
        this.maxDistanceMeters = maxDistanceMeters;
    }

    double maxDistanceMeters() {
        return maxDistanceMeters;
    }

    /** The nearest community within reach of the point, or empty when the point is outside the service area. */
    Optional<Community> communityAt(double lat, double lon) {
        return directory.communities().stream()
                .map(c -> new Candidate(c, Distance.meters(lat, lon, c.lat(), c.lon())))
                .min(Comparator.comparingDouble(Candidate::meters))
                .filter(c -> c.meters() <= maxDistanceMeters)
                .map(Candidate::community);
    }

    /** The community an address names (the longest community name it contains), or empty. */
    Optional<Community> communityNamedIn(String address) {
        return directory.communities().stream().filter(c -> address.contains(c.name()))
                .max(Comparator.comparingInt(c -> c.name().length()));
    }

    private record Candidate(Community community, double meters) {
    }
}
