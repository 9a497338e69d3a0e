package cn.lianban.activity;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.lianban.venue.VenueUsageFigures;

/** Adds the activities held at a venue, their confirmed sign-ups and attendance to its monthly usage. */
@Component
class ActivityUsageFigures implements VenueUsageFigures {

    private static final ActivityFigures.VenueFigures NONE = new ActivityFigures.VenueFigures(0, 0, 0);

    private final ActivityFigures figures;

    public ActivityUsageFigures(ActivityFigures figures) {
        this.figures = figures;
    }

    @Override
    public Function<String, Map<String, Number>> figures(YearMonth month) {
        Map<String, ActivityFigures.VenueFigures> all = figures.perVenue(month);
        return venueCode -> {
            ActivityFigures.VenueFigures f = all.getOrDefault(venueCode, NONE);
            Map<String, Number> m = new LinkedHashMap<>();
            m.put("activities", f.activities());
            m.put("activitySignups", f.confirmed());
            m.put("attendance", f.attended());
            return m;
        };
    }
}
