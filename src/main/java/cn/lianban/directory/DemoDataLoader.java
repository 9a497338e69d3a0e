package cn.lianban.directory;

import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.activity.ActivityService;
import cn.lianban.activity.DemoActivityGenerator;
import cn.lianban.common.EngineClock;
import cn.lianban.resource.DemoResourceGenerator;
import cn.lianban.resource.ResourceList;
import cn.lianban.ticket.DemoPairingGenerator;
import cn.lianban.ticket.PairingRepository;
import cn.lianban.venue.DemoVenueGenerator;
import cn.lianban.venue.VenueRepository;

/**
 * Seeds the demo organisation, the 双联双促 pairing of agencies with communities, the resource lists of
 * this month and the two before, the venues and the activities of the coming weeks (with residents signed up)
 * into empty tables; tables that have data are left alone.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "lianban.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Directory directory;
    private final PairingRepository pairings;
    private final ResourceList resources;
    private final VenueRepository venues;
    private final ActivityService activities;
    private final long seed;

    public DemoDataLoader(Directory directory, PairingRepository pairings, ResourceList resources,
                          VenueRepository venues, ActivityService activities,
                          @Value("${lianban.demo.seed:20261129}") long seed) {
        this.directory = directory;
        this.pairings = pairings;
        this.resources = resources;
        this.venues = venues;
        this.activities = activities;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.isEmpty()) {
            DirectorySnapshot snapshot = new DemoDirectoryGenerator(seed).generate();
            directory.insert(snapshot);
            LOG.info("Demo directory seeded: {} streets, {} areas, {} communities, {} grids, {} departments, {} persons",
                    snapshot.streets().size(), snapshot.areas().size(), snapshot.communities().size(),
                    snapshot.grids().size(), snapshot.departments().size(), snapshot.persons().size());
        }
        if (pairings.isEmpty()) {
            var pairing = new DemoPairingGenerator(seed).generate(directory.communities(), directory.grids());
            pairings.insert(pairing);
            LOG.info("Demo pairing seeded: {} agencies, {} pairings, {} agency members in grids, {} vanguard stations",
                    pairing.agencies().size(), pairing.pairings().size(), pairing.members().size(),
                    pairing.stations().size());
        }
        if (resources.isEmpty()) {
            DemoResourceGenerator lists = new DemoResourceGenerator(seed);
            YearMonth month = YearMonth.from(EngineClock.now());
            for (int back = 2; back >= 0; back--) {
                resources.insert(lists.generate(month.minusMonths(back)));
            }
            LOG.info("Demo resource lists seeded for {} to {}", month.minusMonths(2), month);
        }
        if (venues.isEmpty()) {
            var demoVenues = new DemoVenueGenerator(seed).generate(directory.streets(), directory.areas(),
                    directory.communities());
            venues.insert(demoVenues);
            LOG.info("Demo venues seeded: {}", demoVenues.size());
        }
        if (activities.isEmpty()) {
            var demoActivities = new DemoActivityGenerator(seed).generate(venues.all(),
                    EngineClock.now().toLocalDate());
            activities.seed(demoActivities);
            LOG.info("Demo activities seeded: {}", demoActivities.size());
        }
    }
}
