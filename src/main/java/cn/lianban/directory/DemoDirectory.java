package cn.lianban.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.startup.DemoStep;

/** Demo data, first of all: the streets, areas, communities, grids, departments and people of a demo city. */
@Component
@Order(10)
class DemoDirectory implements DemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDirectory.class);

    private final Directory directory;
    private final long seed;

    DemoDirectory(Directory directory, @Value("${lianban.demo.seed}") long seed) {
        this.directory = directory;
        this.seed = seed;
    }

    @Override
    public void seedIfEmpty() {
        if (directory.isEmpty()) {
            DirectorySnapshot snapshot = new DemoDirectoryGenerator(seed).generate();
            directory.insert(snapshot);
            LOG.info("Demo directory seeded: {} streets, {} areas, {} communities, {} grids, {} departments, {} persons",
                    snapshot.streets().size(), snapshot.areas().size(), snapshot.communities().size(),
                    snapshot.grids().size(), snapshot.departments().size(), snapshot.persons().size());
        }
    }
}
