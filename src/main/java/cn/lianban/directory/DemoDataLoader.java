package cn.lianban.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the demo organisation into an empty directory; a directory that has data is left alone. */
@Component
@Order(10)
@ConditionalOnProperty(name = "lianban.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Directory directory;
    private final long seed;

    public DemoDataLoader(Directory directory, @Value("${lianban.demo.seed:20261129}") long seed) {
        this.directory = directory;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.isEmpty()) {
            return;
        }
        DirectorySnapshot snapshot = new DemoDirectoryGenerator(seed).generate();
        directory.insert(snapshot);
        LOG.info("Demo directory seeded: {} streets, {} areas, {} communities, {} grids, {} departments, {} persons",
                snapshot.streets().size(), snapshot.areas().size(), snapshot.communities().size(),
                snapshot.grids().size(), snapshot.departments().size(), snapshot.persons().size());
    }
}
