package cn.lianban.venue;

import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;

/**
 * Extension point of {@link VenueUsage}: further monthly figures of a venue from another module, e.g. the
 * activities held there and their attendance. Every Spring bean of this type is asked; its figures appear
 * under their own keys in {@link VenueUsage.Usage#extra()} (and in the usage JSON).
 */
public interface VenueUsageFigures {

    /**
     * The figures of every venue in one month, read at once (the dashboard lists all 157 venues: one query per
     * venue was 157 round trips per page): venue code → its figures, by keys unique to the contributing module
     * (e.g. {@code activities}), every key present for every venue.
     */
    Function<String, Map<String, Number>> figures(YearMonth month);
}
