package cn.lianban.venue;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lianban.directory.Area;
import cn.lianban.directory.Community;
import cn.lianban.directory.Roles;
import cn.lianban.directory.Street;
import cn.lianban.directory.UnitType;

/**
 * Generates the demo 党群服务阵地 for a given organisation, on the five levels: the city center, one standard
 * complex per area, community centers in {@value #COMMUNITY_CENTERS} communities, {@value #STATIONS} stations
 * (驿站: transport hubs, outdoor workers, grids) and {@value #BUILDING_CORNERS} building corners (楼栋善治角).
 * With the demo directory (7 areas, 233 communities) that is {@value #DEMO_VENUES} venues.
 *
 * <p>The city center and every second area complex in code order (the demo's A-DL-1, A-LG-6 and A-XF-4) take
 * bookings only with the managers' approval. The result depends only on the seed and on the given units, not on their order.
 */
public final class DemoVenueGenerator {

    public static final int DEMO_VENUES = 157;
    public static final int COMMUNITY_CENTERS = 84;
    public static final int STATIONS = 30;
    public static final int BUILDING_CORNERS = 35;
    public static final String CITY_CENTER_CODE = "V-CITY";

    private static final LocalTime OPENS = LocalTime.of(8, 30);
    private static final LocalTime CLOSES = LocalTime.of(20, 0);

    /** Function codes in display order (table venue_function). */
    static final List<String> FUNCTIONS = List.of("activity", "canteen", "eldercare", "library", "study", "meeting",
            "health", "legal", "kids", "sports", "rest", "council");

    private static final List<String> CITY_FUNCTIONS = List.of("activity", "library", "study", "meeting", "health",
            "legal", "kids", "sports", "council");
    private static final List<String> AREA_FUNCTIONS = List.of("activity", "canteen", "eldercare", "library",
            "meeting", "health", "legal");
    private static final List<String> AREA_EXTRAS = List.of("study", "kids", "sports", "council");
    private static final List<String> COMMUNITY_FUNCTIONS = List.of("activity", "meeting", "council");
    private static final List<String> COMMUNITY_EXTRAS = List.of("canteen", "eldercare", "library", "study",
            "health", "legal", "kids", "sports");

    /** Transport hubs: name and where in it the station is. */
    private static final String[][] HUBS = {{"汽车总站", "东广场"}, {"高铁站", "北广场"}, {"港口客运站", "候船厅东侧"},
            {"城市公交枢纽站", "站前广场"}, {"汽车北站", "西出口"}};
    private static final int OUTDOOR_STATIONS = 10;

    private static final String[] ROADS = {"振华路", "港城大道", "东莱街", "文化路", "南山路", "通海路", "徐福大街", "黄城路",
            "龙港大街", "海岱路", "北环路", "环海路", "新嘉街", "民生路", "和平路", "府前街"};

    private final long seed;

    public DemoVenueGenerator(long seed) {
        this.seed = seed;
    }

    public List<Venue> generate(List<Street> streets, List<Area> areas, List<Community> communities) {
        Random random = new Random(seed);
        List<Street> ss = sorted(streets, Street::code);
        List<Area> as = sorted(areas, Area::code);
        List<Community> cs = sorted(communities, Community::code);
        Map<String, Street> streetByCode = ss.stream().collect(Collectors.toMap(Street::code, s -> s));
        Map<String, Street> streetOfArea = as.stream()
                .collect(Collectors.toMap(Area::code, a -> streetByCode.get(a.streetCode())));
        Function<Community, Street> streetOf = c -> streetOfArea.get(c.areaCode());
        List<Venue> venues = new ArrayList<>();

        double lat = as.stream().mapToDouble(Area::lat).average().orElse(37.6459);
        double lon = as.stream().mapToDouble(Area::lon).average().orElse(120.4778);
        venues.add(new Venue(CITY_CENTER_CODE, "市党群服务中心", Venue.CITY, CITY_FUNCTIONS,
                address(random, ss.isEmpty() ? "" : ss.get(0).name()), jitter(random, lat, 0.002),
                jitter(random, lon, 0.0025), OPENS, CLOSES, 300, true, null, null, Roles.CITY_CENTER));

        for (int i = 0; i < as.size(); i++) {
            Area a = as.get(i);
            venues.add(new Venue("V-" + a.code(), a.name() + "党群服务中心", Venue.AREA,
                    functions(random, AREA_FUNCTIONS, AREA_EXTRAS, 2), address(random, streetOfArea.get(a.code()).name()),
                    jitter(random, a.lat(), 0.0015), jitter(random, a.lon(), 0.0018), OPENS, CLOSES,
                    100 + 10 * random.nextInt(11), i % 2 == 1, a.code(), null, UnitType.AREA.group(a.code())));
        }

        for (Community c : sorted(pick(random, cs, COMMUNITY_CENTERS), Community::code)) {
            boolean shortDay = random.nextInt(3) == 0;
            venues.add(local(c, "V-" + c.code(), c.name() + "党群服务中心", Venue.COMMUNITY,
                    functions(random, COMMUNITY_FUNCTIONS, COMMUNITY_EXTRAS, 2 + random.nextInt(3)),
                    address(random, streetOf.apply(c).name()), random, 0.0008, OPENS,
                    shortDay ? LocalTime.of(17, 30) : CLOSES, 30 + 5 * random.nextInt(11)));
        }

        List<Community> hosts = pick(random, cs, STATIONS);
        for (int i = 0; i < hosts.size(); i++) {
            Community c = hosts.get(i);
            String code = String.format("V-ST-%02d", i + 1);
            String stem = c.name().replaceFirst("社区$", "");
            if (i < HUBS.length) {
                venues.add(local(c, code, HUBS[i][0] + "交通枢纽驿站", Venue.STATION, List.of("rest", "health"),
                        streetOf.apply(c).name() + HUBS[i][0] + HUBS[i][1], random, 0.0025, LocalTime.of(6, 0),
                        LocalTime.of(22, 0), 20 + 5 * random.nextInt(5)));
            } else if (i < HUBS.length + OUTDOOR_STATIONS) {
                venues.add(local(c, code, stem + "户外劳动者驿站", Venue.STATION,
                        functions(random, List.of("rest"), List.of("health", "library"), random.nextInt(2)),
                        address(random, streetOf.apply(c).name()), random, 0.0025, LocalTime.of(7, 0),
                        LocalTime.of(21, 0), 10 + random.nextInt(11)));
            } else {
                venues.add(local(c, code, stem + "网格驿站", Venue.STATION,
                        functions(random, List.of("rest", "council"), List.of("activity", "library", "kids"), 1),
                        address(random, streetOf.apply(c).name()), random, 0.002, LocalTime.of(8, 0),
                        LocalTime.of(18, 0), 10 + random.nextInt(11)));
            }
        }

        List<Community> corners = pick(random, cs, BUILDING_CORNERS);
        for (int i = 0; i < corners.size(); i++) {
            Community c = corners.get(i);
            int building = 1 + random.nextInt(28);
            venues.add(local(c, String.format("V-BC-%02d", i + 1), c.name() + building + "号楼善治角", Venue.BUILDING,
                    functions(random, List.of("council"), List.of("activity", "library"), random.nextInt(2)),
                    c.name() + building + "号楼" + (1 + random.nextInt(4)) + "单元楼下", random, 0.0012,
                    LocalTime.of(9, 0), LocalTime.of(17, 0), 8 + random.nextInt(8)));
        }
        return List.copyOf(venues);
    }

    /** A venue run by a community: near it, in its area, managed by it, booked without approval. */
    private static Venue local(Community c, String code, String name, int level, List<String> functions,
                               String address, Random random, double spread, LocalTime opens, LocalTime closes,
                               int capacity) {
        return new Venue(code, name, level, functions, address, jitter(random, c.lat(), spread),
                jitter(random, c.lon(), spread * 1.25), opens, closes, capacity, false, c.areaCode(), c.code(),
                UnitType.COMMUNITY.group(c.code()));
    }

    /** The base functions and {@code extras} of the optional ones, in display order. */
    private static List<String> functions(Random random, List<String> base, List<String> optional, int extras) {
        List<String> all = new ArrayList<>(base);
        all.addAll(pick(random, optional, extras));
        all.sort(Comparator.comparingInt(FUNCTIONS::indexOf));
        return all;
    }

    /** 东莱街道振华路128号 */
    private static String address(Random random, String streetName) {
        return streetName + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(299)) + "号";
    }

    private static <T> List<T> pick(Random random, List<T> items, int count) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> code) {
        return items.stream().sorted(Comparator.comparing(code)).toList();
    }

    private static double jitter(Random random, double centre, double spread) {
        return Math.round((centre + (random.nextDouble() * 2 - 1) * spread) * 1e6) / 1e6;
    }
}
