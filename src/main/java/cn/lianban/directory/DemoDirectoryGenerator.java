package cn.lianban.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo organisation: one city (龙口-like, around 37.65 N 120.48 E) with five streets,
 * seven areas of the six area types, communities, grids, the 30 departments of the coordination
 * mechanism, deputies and the contract's demo logins. The same seed always gives the same data.
 */
public final class DemoDirectoryGenerator {

    public static final String COMMUNITY_A = "C-DL-01";
    public static final String COMMUNITY_B = "C-XJ-01";
    public static final String DEMO_PASSWORD = "demo";

    private static final double CITY_LAT = 37.6459;
    private static final double CITY_LON = 120.4778;

    private static final String[][] STREETS = {
            {"DL", "东莱街道"}, {"XJ", "新嘉街道"}, {"XF", "徐福街道"}, {"DJ", "东江街道"}, {"LG", "龙港街道"}};

    private static final String[][] AREA_TYPES = {
            {"UNIT", "单位型", "国企移交\"单位型\"：原企业职工宿舍区，物业和管理由企业移交属地"},
            {"RESORT", "候鸟型", "滨海度假\"候鸟型\"：季节性居住人口多，冬夏差异大"},
            {"OLD_TOWN", "老城型", "老旧小区\"老城型\"：房龄长、设施老化、老年人多"},
            {"NEW_TOWN", "新城型", "商品房\"新城型\"：新建小区集中，物业和业委会事务多"},
            {"MERGED", "融合型", "村改居\"融合型\"：原村民与新市民混居"},
            {"INDUSTRY", "园区型", "产业园区\"园区型\"：企业和务工人员集中"}};

    /** Seven areas: street, area type, name; the last type repeats because seven areas share six types. */
    private static final String[][] AREAS = {
            {"DL", "UNIT", "东莱北片区"}, {"DL", "OLD_TOWN", "东莱南片区"}, {"XJ", "NEW_TOWN", "新嘉片区"},
            {"XF", "MERGED", "徐福片区"}, {"DJ", "INDUSTRY", "东江片区"}, {"LG", "RESORT", "龙港滨海片区"},
            {"LG", "OLD_TOWN", "龙港老城片区"}};

    /** Wujin's scale: 233 village/community party organisations with 1032 grids between them. */
    public static final int COMMUNITIES = 233;
    public static final int GRIDS = 1032;
    private static final String[] NAME_SUFFIXES = {"", "东", "西", "南", "北", "新村"};

    private static final String[] NAME_STEMS = {"华山", "龙泉", "海岱", "振华", "南山", "西城", "港城", "东海", "金沙",
            "阳光", "和平", "幸福", "文化", "新兴", "兴隆", "明珠", "望海", "松岚", "桃园", "玉龙", "绿苑", "锦绣",
            "银河", "朝阳", "泰和", "康宁", "育才", "滨河", "翠屏", "福禄", "青年", "丽景", "盛世", "中兴", "嘉园",
            "北关", "南关", "湖滨", "凤凰", "槐荫"};

    /** The 30 departments of the coordination mechanism: code, Chinese name. */
    public static final String[][] DEPARTMENTS = {
            {"housing", "住房和城乡建设局"}, {"urban", "城市管理局"}, {"civil", "民政局"}, {"health", "卫生健康局"},
            {"education", "教育和体育局"}, {"police", "公安局"}, {"transport", "交通运输局"}, {"ecology", "生态环境局"},
            {"resources", "自然资源和规划局"}, {"water", "水务局"}, {"emergency", "应急管理局"},
            {"market", "市场监督管理局"}, {"hrss", "人力资源和社会保障局"}, {"finance", "财政局"},
            {"culture", "文化和旅游局"}, {"agriculture", "农业农村局"}, {"veterans", "退役军人事务局"},
            {"justice", "司法局"}, {"petition", "信访局"}, {"medicare", "医疗保障局"}, {"commerce", "商务局"},
            {"statistics", "统计局"}, {"approval", "行政审批服务局"}, {"bigdata", "大数据局"},
            {"fire", "消防救援大队"}, {"power", "供电公司"}, {"disabled", "残疾人联合会"}, {"union", "总工会"},
            {"women", "妇女联合会"}, {"youth", "共青团市委"}};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽娟", "海燕", "国庆", "晓东", "红梅", "立新",
            "玉兰", "卫东", "春生", "桂芳", "文斌", "淑华", "德明"};

    private final Random random;

    public DemoDirectoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Unique community names: stems with a direction or 新村 added where a stem is used again. */
    private List<String> communityNames() {
        List<String> names = new ArrayList<>();
        for (String suffix : NAME_SUFFIXES) {
            for (String stem : NAME_STEMS) {
                names.add(stem + suffix + "社区");
            }
        }
        Collections.shuffle(names, random);
        return names.subList(0, COMMUNITIES);
    }

    /** The six kinds of 精治片区: reference data, which the directory import adds where a file uses them. */
    static List<AreaType> areaTypes() {
        List<AreaType> areaTypes = new ArrayList<>();
        for (String[] t : AREA_TYPES) {
            areaTypes.add(new AreaType(t[0], t[1], t[2]));
        }
        return areaTypes;
    }

    public DirectorySnapshot generate() {
        List<AreaType> areaTypes = areaTypes();
        List<Street> streets = new ArrayList<>();
        for (int i = 0; i < STREETS.length; i++) {
            streets.add(new Street("S-" + STREETS[i][0], STREETS[i][1], jitter(CITY_LAT, 0.06),
                    jitter(CITY_LON, 0.08), "s-" + STREETS[i][0].toLowerCase() + "@street.lianban.demo"));
        }
        List<String> names = new ArrayList<>(communityNames());
        // every community has 4 grids; randomly chosen ones a fifth, until there are GRIDS in all
        List<Integer> withFifthGrid = new ArrayList<>();
        for (int i = 0; i < COMMUNITIES; i++) {
            withFifthGrid.add(i);
        }
        Collections.shuffle(withFifthGrid, random);
        java.util.Set<Integer> fifth = new java.util.HashSet<>(withFifthGrid.subList(0, GRIDS - 4 * COMMUNITIES));
        List<Area> areas = new ArrayList<>();
        List<Community> communities = new ArrayList<>();
        List<Grid> grids = new ArrayList<>();
        Map<String, Integer> communitiesPerStreet = new LinkedHashMap<>();
        for (int a = 0; a < AREAS.length; a++) {
            String streetCode = "S-" + AREAS[a][0];
            Street street = streets.stream().filter(s -> s.code().equals(streetCode)).findFirst().orElseThrow();
            String areaCode = "A-" + AREAS[a][0] + "-" + (a + 1);
            double lat = jitter(street.lat(), 0.01);
            double lon = jitter(street.lon(), 0.012);
            areas.add(new Area(areaCode, AREAS[a][2], streetCode, AREAS[a][1], lat, lon,
                    areaCode.toLowerCase() + "@area.lianban.demo"));
            int count = COMMUNITIES / AREAS.length + (a < COMMUNITIES % AREAS.length ? 1 : 0);
            for (int c = 0; c < count; c++) {
                int n = communitiesPerStreet.merge(AREAS[a][0], 1, Integer::sum);
                String code = String.format("C-%s-%02d", AREAS[a][0], n);
                Community community = new Community(code, names.remove(0), areaCode, jitter(lat, 0.006),
                        jitter(lon, 0.008), code.toLowerCase() + "@community.lianban.demo");
                int gridCount = fifth.contains(communities.size()) ? 5 : 4;
                communities.add(community);
                for (int g = 1; g <= gridCount; g++) {
                    grids.add(new Grid(String.format("G-%s-%02d-%02d", AREAS[a][0], n, g),
                            community.name() + "第" + g + "网格", code, jitter(community.lat(), 0.002),
                            jitter(community.lon(), 0.0025)));
                }
            }
        }
        List<Department> departments = new ArrayList<>();
        for (String[] d : DEPARTMENTS) {
            departments.add(new Department(d[0], d[1], d[0] + "@dept.lianban.demo"));
        }
        return new DirectorySnapshot(areaTypes, streets, areas, communities, grids, departments,
                persons(communities, grids), categoryDepartments());
    }

    private List<Person> persons(List<Community> communities, List<Grid> grids) {
        Community a = communities.stream().filter(c -> c.code().equals(COMMUNITY_A)).findFirst().orElseThrow();
        Community b = communities.stream().filter(c -> c.code().equals(COMMUNITY_B)).findFirst().orElseThrow();
        if (a.areaCode().equals(b.areaCode())) {
            throw new IllegalStateException("demo communities A and B must lie in different areas");
        }
        String gridOfA = grids.stream().filter(g -> g.communityCode().equals(COMMUNITY_A)).findFirst().orElseThrow()
                .code();
        List<Person> persons = new ArrayList<>();
        persons.add(person("admin", Roles.ADMIN, null, null));
        persons.add(person("secretary", Roles.COMMUNITY_SECRETARY, UnitType.COMMUNITY, COMMUNITY_A));
        persons.add(person("secretary2", Roles.COMMUNITY_SECRETARY, UnitType.COMMUNITY, COMMUNITY_B));
        persons.add(person("gridworker", Roles.GRID_WORKER, UnitType.GRID, gridOfA));
        persons.add(person("committee", Roles.AREA_COMMITTEE, UnitType.AREA, a.areaCode()));
        persons.add(person("street", Roles.STREET_OFFICE, UnitType.STREET, "S-DL"));
        persons.add(person("center", Roles.CITY_CENTER, null, null));
        persons.add(person("housing", Roles.DEPARTMENT, UnitType.DEPT, "housing"));
        persons.add(person("urban", Roles.DEPARTMENT, UnitType.DEPT, "urban"));
        // 两代表一委员: party congress deputies, people's congress deputies and CPPCC members
        // three belong to the area of community A, three to that of B
        for (int i = 1; i <= 6; i++) {
            Person deputy = person(String.format("deputy%02d", i), Roles.DEPUTY, null, null);
            persons.add(deputy.inArea((i <= 3 ? a : b).areaCode()));
        }
        // the departments' leads (分管负责人), who receive 督办 notices; last, so the names above stay as they were
        for (String dept : List.of("housing", "urban")) {
            persons.add(person(dept + "-lead", Roles.DEPARTMENT, UnitType.DEPT, dept).asLead());
        }
        return persons;
    }

    private Person person(String login, String role, UnitType unitType, String unitCode) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        return new Person(login, name, login + "@lianban.demo", role, unitType, unitCode, DEMO_PASSWORD);
    }

    private static Map<String, String> categoryDepartments() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("ENVIRONMENT", "ecology");
        map.put("TRAFFIC", "transport");
        map.put("HOUSING", "housing");
        map.put("FACILITY", "urban");
        map.put("SAFETY", "emergency");
        map.put("ELDERLY", "civil");
        map.put("OTHER", "urban");
        return map;
    }

    private double jitter(double centre, double spread) {
        return Math.round((centre + (random.nextDouble() * 2 - 1) * spread) * 1e6) / 1e6;
    }
}
