package cn.lianban.venue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 党群服务阵地: a place residents and units may use and book by the hour. Coordinates are WGS-84.
 *
 * @param level         1 市级党群服务中心, 2 片区党群服务中心, 3 社区党群服务中心, 4 驿站, 5 楼栋善治角
 * @param functions     codes of table venue_function, e.g. {@code activity}, {@code canteen}
 * @param needsApproval bookings wait for the manager group's approval (process {@code venue-booking})
 * @param managerGroup  Camunda group of the venue's managers: {@code city-center}, {@code area:<code>} or
 *                      {@code community:<code>}
 */
public record Venue(String code, String name, int level, List<String> functions, String address, double lat,
                    double lon, LocalTime opens, LocalTime closes, int capacity, boolean needsApproval,
                    String areaCode, String communityCode, String managerGroup) {

    public static final int CITY = 1;
    public static final int AREA = 2;
    public static final int COMMUNITY = 3;
    public static final int STATION = 4;
    public static final int BUILDING = 5;

    private static final String[] LEVEL_NAMES = {"市级党群服务中心", "片区党群服务中心", "社区党群服务中心", "驿站",
            "楼栋善治角"};

    public Venue {
        functions = List.copyOf(functions);
    }

    public static String levelName(int level) {
        return level >= CITY && level <= BUILDING ? LEVEL_NAMES[level - 1] : String.valueOf(level);
    }

    public String levelName() {
        return levelName(level);
    }

    public boolean offers(String function) {
        return functions.contains(function);
    }

    /** The bookable hours of a day: whole hours that start and end within the opening hours. */
    public List<LocalDateTime> hourStarts(LocalDate day) {
        List<LocalDateTime> hours = new ArrayList<>();
        int first = opens.equals(LocalTime.of(opens.getHour(), 0)) ? opens.getHour() : opens.getHour() + 1;
        for (int h = first; h < 23 && !LocalTime.of(h + 1, 0).isAfter(closes); h++) {
            hours.add(day.atTime(h, 0));
        }
        return hours;
    }

    /** Whether the period lies within one day's opening hours. */
    public boolean isOpen(LocalDateTime start, LocalDateTime end) {
        return start.toLocalDate().equals(end.toLocalDate()) && !start.toLocalTime().isBefore(opens)
                && !end.toLocalTime().isAfter(closes);
    }

    /** 08:30–20:00 */
    public String hoursText() {
        return opens + "–" + closes;
    }
}
