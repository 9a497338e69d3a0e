package cn.lianban.venue;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** What other modules may know of the venues: find one, list them, the ones a unit may hold activities at. */
@Service
public class Venues {

    private final VenueRepository repository;

    Venues(VenueRepository repository) {
        this.repository = repository;
    }

    public Optional<Venue> find(String code) {
        return repository.find(code);
    }

    public List<Venue> all() {
        return repository.all();
    }

    /** The venues a unit (its group, e.g. {@code community:JSD}) may hold activities at. */
    public List<Venue> usableBy(String unitGroup) {
        return repository.usableBy(unitGroup);
    }
}
