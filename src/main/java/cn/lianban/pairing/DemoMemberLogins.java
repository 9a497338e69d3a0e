package cn.lianban.pairing;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.startup.DemoStep;

/**
 * Demo logins for two agency members (issue 15), password {@code demo}: {@code member}, placed in a grid of the
 * demo secretary's community, and {@code member2}, of the same agency, so that both see that community's needs.
 */
@Component
@Order(21)
class DemoMemberLogins implements DemoStep {

    private final PairingRepository pairing;

    DemoMemberLogins(PairingRepository pairing) {
        this.pairing = pairing;
    }

    @Override
    public void seedIfEmpty() {
        if (pairing.memberByLogin("member").isPresent()) {
            return;
        }
        List<AgencyMember> placed = pairing.membersPlacedIn(DemoDirectoryGenerator.COMMUNITY_A);
        if (placed.isEmpty()) {
            return;
        }
        AgencyMember first = placed.get(0);
        AgencyMember second = pairing.membersOf(first.agencyCode()).stream().filter(m -> m.id() != first.id())
                .findFirst().orElse(placed.size() > 1 ? placed.get(1) : null);
        pairing.giveLogin(first.id(), "member", DemoDirectoryGenerator.DEMO_PASSWORD);
        if (second != null) {
            pairing.giveLogin(second.id(), "member2", DemoDirectoryGenerator.DEMO_PASSWORD);
        }
    }
}
