package cn.lianban.resource;

import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.startup.DemoStep;

/** Demo data: the resource lists of this month and the two before, published (without mails) on their first day. */
@Component
@Order(30)
class DemoResources implements DemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(DemoResources.class);

    private final ResourceList resources;
    private final ResourceSubmissions cycle;
    private final long seed;

    DemoResources(ResourceList resources, ResourceSubmissions cycle, @Value("${lianban.demo.seed}") long seed) {
        this.resources = resources;
        this.cycle = cycle;
        this.seed = seed;
    }

    @Override
    public void seedIfEmpty() {
        if (resources.isEmpty()) {
            DemoResourceGenerator lists = new DemoResourceGenerator(seed);
            YearMonth month = YearMonth.from(EngineClock.now());
            for (int back = 2; back >= 0; back--) {
                resources.insert(lists.generate(month.minusMonths(back)));
                cycle.recordPublished(month.minusMonths(back), "center");
            }
            LOG.info("Demo resource lists seeded for {} to {}", month.minusMonths(2), month);
        }
    }
}
