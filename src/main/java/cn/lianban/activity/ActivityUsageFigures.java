package cn.lianban.activity;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.lianban.venue.VenueUsageFigures;

/** Adds the activities held at a venue, their confirmed sign-ups and attendance to its monthly usage. */
@Component
class ActivityUsageFigures implements VenueUsageFigures {

    private final ActivityFigures figures;

    public ActivityUsageFigures(ActivityFigures figures) {
        this.figures = figures;
    }

    @Override
    public Map<String, Number> figures(String venueCode, YearMonth month) {
        ActivityFigures.VenueFigures f = figures.forVenue(venueCode, month);
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("activities", f.activities());
        m.put("activitySignups", f.confirmed());
        m.put("attendance", f.attended());
        return m;
    }
}
