package cn.lianban.venue;

import java.time.YearMonth;
import java.util.Map;

/**
 * Extension point of {@link VenueUsage}: further monthly figures of a venue from another module, e.g. the
 * activities held there and their attendance. Every Spring bean of this type is asked; its figures appear
 * under their own keys in {@link VenueUsage.Usage#extra()} (and in the usage JSON).
 */
public interface VenueUsageFigures {

    /** Figures of one venue in one month, by a key unique to the contributing module (e.g. {@code activities}). */
    Map<String, Number> figures(String venueCode, YearMonth month);
}
