package cn.lianban.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.startup.DemoStep;
import cn.lianban.venue.Venues;

/** Demo data after the venues: the activities of the coming weeks, with residents signed up. */
@Component
@Order(50)
class DemoActivities implements DemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(DemoActivities.class);

    private final Venues venues;
    private final ActivityService activities;
    private final long seed;

    DemoActivities(Venues venues, ActivityService activities,
                   @Value("${lianban.demo.seed}") long seed) {
        this.venues = venues;
        this.activities = activities;
        this.seed = seed;
    }

    @Override
    public void seedIfEmpty() {
        if (activities.isEmpty()) {
            var demoActivities = new DemoActivityGenerator(seed).generate(venues.all(),
                    EngineClock.now().toLocalDate());
            activities.seed(demoActivities);
            LOG.info("Demo activities seeded: {}", demoActivities.size());
        }
    }
}
