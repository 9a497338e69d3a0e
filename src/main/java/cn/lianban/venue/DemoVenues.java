package cn.lianban.venue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Directory;
import cn.lianban.startup.DemoStep;

/** Demo data after the directory: the party-mass service venues of streets, areas and communities. */
@Component
@Order(40)
class DemoVenues implements DemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(DemoVenues.class);

    private final Directory directory;
    private final VenueRepository venues;
    private final long seed;

    DemoVenues(Directory directory, VenueRepository venues, @Value("${lianban.demo.seed}") long seed) {
        this.directory = directory;
        this.venues = venues;
        this.seed = seed;
    }

    @Override
    public void seedIfEmpty() {
        if (venues.isEmpty()) {
            var demoVenues = new DemoVenueGenerator(seed).generate(directory.streets(), directory.areas(),
                    directory.communities());
            venues.insert(demoVenues);
            LOG.info("Demo venues seeded: {}", demoVenues.size());
        }
    }
}
