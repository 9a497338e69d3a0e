package cn.lianban.pairing;

import java.util.List;

/** All 双联双促 pairing data at once: what the demo generator produces and the repository stores. */
record PairingSnapshot(List<Agency> agencies, List<Pairing> pairings, List<AgencyMember> members,
                              List<VanguardStation> stations) {
}
