package cn.lianban.pairing;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other modules ask of 双联双促: the agency paired with a community, and an agency member placed in a grid. */
@Service
public class Pairings {

    private final PairingRepository repository;

    Pairings(PairingRepository repository) {
        this.repository = repository;
    }

    /** The agency paired with a community (结对), if any. */
    public Optional<Agency> pairedAgency(String communityCode) {
        return repository.pairedAgency(communityCode);
    }

    /** An agency party member placed in a grid (下沉网格), by id. */
    public Optional<AgencyMember> member(long id) {
        return repository.member(id);
    }
}
