package cn.lianban.pairing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Directory;
import cn.lianban.startup.DemoStep;

/** Demo data after the directory: the 双联双促 pairing of agencies with communities and their members in grids. */
@Component
@Order(20)
class DemoPairing implements DemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPairing.class);

    private final Directory directory;
    private final PairingRepository pairings;
    private final long seed;

    DemoPairing(Directory directory, PairingRepository pairings, @Value("${lianban.demo.seed}") long seed) {
        this.directory = directory;
        this.pairings = pairings;
        this.seed = seed;
    }

    @Override
    public void seedIfEmpty() {
        if (pairings.isEmpty()) {
            var pairing = new DemoPairingGenerator(seed).generate(directory.communities(), directory.grids());
            pairings.insert(pairing);
            LOG.info("Demo pairing seeded: {} agencies, {} pairings, {} agency members in grids, {} vanguard stations",
                    pairing.agencies().size(), pairing.pairings().size(), pairing.members().size(),
                    pairing.stations().size());
        }
    }
}
