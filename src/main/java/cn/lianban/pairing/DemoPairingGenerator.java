package cn.lianban.pairing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import cn.lianban.directory.Community;
import cn.lianban.directory.Grid;

/**
 * Generates the demo 双联双促 data for a given organisation: 64 agencies and state-owned enterprises, each
 * community paired with exactly one of them, about 5000 agency party members placed in grids, and 11
 * vanguard service stations (the Wujin reference figures for 233 communities and 1032 grids).
 *
 * <p>Communities are paired in blocks of neighbouring codes (so an agency's communities usually lie in
 * one street), and each member is placed in a grid of a community paired with the member's own agency.
 * Every grid gets at least one member while there are enough members. With fewer than 64 communities
 * only as many agencies take part as there are communities, so that every agency is paired.
 *
 * <p>The result depends only on the seed and on the given communities and grids (their order does not
 * matter): one {@link Random} made from the seed is consumed in a fixed order by each call.
 */
final class DemoPairingGenerator {

    static final int AGENCIES = 64;
    static final int MEMBERS = 5000;
    static final int STATIONS = 11;

    /** Invented party organisations of city agencies and state-owned enterprises, in code order AG-01.. */
    private static final String[][] AGENCY_NAMES = {
            {"市委办公室机关党委", Agency.AGENCY}, {"市委组织部机关党支部", Agency.AGENCY},
            {"市委宣传部机关党支部", Agency.AGENCY}, {"市委统战部机关党支部", Agency.AGENCY},
            {"市委政法委员会机关党支部", Agency.AGENCY}, {"市纪委监委机关党委", Agency.AGENCY},
            {"市人大常委会办公室机关党委", Agency.AGENCY}, {"市政府办公室机关党委", Agency.AGENCY},
            {"市政协办公室机关党委", Agency.AGENCY}, {"市发展和改革局机关党委", Agency.AGENCY},
            {"市教育和体育局机关党委", Agency.AGENCY}, {"市科学技术局机关党支部", Agency.AGENCY},
            {"市工业和信息化局机关党委", Agency.AGENCY}, {"市公安局机关党委", Agency.AGENCY},
            {"市民政局机关党委", Agency.AGENCY}, {"市司法局机关党委", Agency.AGENCY},
            {"市财政局机关党委", Agency.AGENCY}, {"市人力资源和社会保障局机关党委", Agency.AGENCY},
            {"市自然资源和规划局机关党委", Agency.AGENCY}, {"市生态环境局机关党委", Agency.AGENCY},
            {"市住房和城乡建设局机关党委", Agency.AGENCY}, {"市城市管理局机关党委", Agency.AGENCY},
            {"市交通运输局机关党委", Agency.AGENCY}, {"市水务局机关党委", Agency.AGENCY},
            {"市农业农村局机关党委", Agency.AGENCY}, {"市商务局机关党委", Agency.AGENCY},
            {"市文化和旅游局机关党委", Agency.AGENCY}, {"市卫生健康局机关党委", Agency.AGENCY},
            {"市退役军人事务局机关党委", Agency.AGENCY}, {"市应急管理局机关党委", Agency.AGENCY},
            {"市审计局机关党支部", Agency.AGENCY}, {"市市场监督管理局机关党委", Agency.AGENCY},
            {"市统计局机关党支部", Agency.AGENCY}, {"市医疗保障局机关党委", Agency.AGENCY},
            {"市行政审批服务局机关党委", Agency.AGENCY}, {"市大数据局机关党支部", Agency.AGENCY},
            {"市信访局机关党支部", Agency.AGENCY}, {"市机关事务服务中心党委", Agency.AGENCY},
            {"市总工会机关党委", Agency.AGENCY}, {"共青团市委机关党支部", Agency.AGENCY},
            {"市妇女联合会机关党支部", Agency.AGENCY}, {"市残疾人联合会机关党支部", Agency.AGENCY},
            {"市税务局机关党委", Agency.AGENCY}, {"市消防救援大队党委", Agency.AGENCY},
            {"市城市建设投资集团有限公司党委", Agency.SOE}, {"市交通产业集团有限公司党委", Agency.SOE},
            {"市水务集团有限公司党委", Agency.SOE}, {"市文化旅游发展集团有限公司党委", Agency.SOE},
            {"市农业发展集团有限公司党委", Agency.SOE}, {"市国有资本投资运营有限公司党委", Agency.SOE},
            {"市公共交通集团有限公司党委", Agency.SOE}, {"市燃气热力有限公司党委", Agency.SOE},
            {"市电力发展有限公司党委", Agency.SOE}, {"市港务集团有限公司党委", Agency.SOE},
            {"市粮食储备有限公司党委", Agency.SOE}, {"市城市更新发展有限公司党委", Agency.SOE},
            {"市安居置业有限公司党委", Agency.SOE}, {"市环境卫生服务有限公司党委", Agency.SOE},
            {"市物业管理服务集团有限公司党委", Agency.SOE}, {"市医疗健康产业集团有限公司党委", Agency.SOE},
            {"市教育投资发展有限公司党委", Agency.SOE}, {"市融资担保有限公司党委", Agency.SOE},
            {"市数字科技发展有限公司党委", Agency.SOE}, {"市养老服务集团有限公司党委", Agency.SOE}};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
            "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
            "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛",
            "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖",
            "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟",
            "龙", "万", "段", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文"};
    private static final String[] GIVEN = {"伟", "敏", "静", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超",
            "秀兰", "霞", "平", "刚", "桂英", "建华", "志刚", "海燕", "晓明", "丽华", "国强", "春梅", "文杰", "玉珍",
            "建军", "红霞", "志明", "晓燕", "浩然", "子涵", "雨轩", "欣怡", "思远", "梓萱", "宇航", "佳怡", "俊杰",
            "诗雨", "天佑", "一鸣", "晨曦", "嘉怡", "博文", "雅琴", "振华", "立军", "美玲", "永刚", "素芬", "德胜",
            "凤英", "宏伟", "桂兰", "正阳", "若曦", "家豪", "婷婷", "亚楠", "卫国", "海涛", "秋菊", "成龙", "晓峰",
            "慧敏", "少华", "建平", "丹丹", "国栋", "泽宇", "新民", "艳红", "书航", "清华", "雪梅", "鹏飞", "爱华"};

    static {
        if (AGENCY_NAMES.length != AGENCIES) {
            throw new IllegalStateException("expected " + AGENCIES + " agency names, found " + AGENCY_NAMES.length);
        }
    }

    private final long seed;

    DemoPairingGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Pairs every given community with an agency and places members in the given grids.
     *
     * @throws IllegalArgumentException when a grid names a community that is not among the given ones, or a
     *                                  community or grid code appears twice
     */
    PairingSnapshot generate(List<Community> communities, List<Grid> grids) {
        Random random = new Random(seed);
        List<Community> cs = sortedDistinct(communities, Community::code, "community");
        List<Grid> gs = sortedDistinct(grids, Grid::code, "grid");
        Map<String, Community> communityByCode = new LinkedHashMap<>();
        cs.forEach(c -> communityByCode.put(c.code(), c));
        for (Grid g : gs) {
            if (!communityByCode.containsKey(g.communityCode())) {
                throw new IllegalArgumentException("grid " + g.code() + " belongs to an unknown community "
                        + g.communityCode());
            }
        }

        // 1. Which agencies take part and which block of communities each takes.
        int agencyCount = Math.min(AGENCIES, cs.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Integer> taking = order.subList(0, agencyCount);
        List<Agency> agencies = taking.stream().sorted().map(DemoPairingGenerator::agency).toList();
        Map<String, String> agencyOfCommunity = new LinkedHashMap<>();
        List<Pairing> pairings = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < agencyCount; k++) {
            int size = cs.size() / agencyCount + (k < cs.size() % agencyCount ? 1 : 0);
            String agencyCode = code(taking.get(k));
            for (int i = 0; i < size; i++, next++) {
                String communityCode = cs.get(next).code();
                agencyOfCommunity.put(communityCode, agencyCode);
                pairings.add(new Pairing(agencyCode, communityCode));
            }
        }

        // 2. How many members each grid gets: one each while there are enough, the rest at random.
        int[] perGrid = new int[gs.size()];
        if (!gs.isEmpty()) {
            if (gs.size() <= MEMBERS) {
                Arrays.fill(perGrid, 1);
                for (int i = gs.size(); i < MEMBERS; i++) {
                    perGrid[random.nextInt(gs.size())]++;
                }
            } else {
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < gs.size(); i++) {
                    indexes.add(i);
                }
                Collections.shuffle(indexes, random);
                indexes.subList(0, MEMBERS).forEach(i -> perGrid[i] = 1);
            }
        }

        // 3. The members, grid by grid, with ids 1.. in that order.
        List<AgencyMember> members = new ArrayList<>();
        Set<String> phones = new HashSet<>();
        long id = 1;
        for (int g = 0; g < gs.size(); g++) {
            Grid grid = gs.get(g);
            String agencyCode = agencyOfCommunity.get(grid.communityCode());
            for (int i = 0; i < perGrid[g]; i++) {
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                members.add(new AgencyMember(id++, name, agencyCode, grid.code(), phone(random, phones)));
            }
        }

        // 4. Vanguard service stations in distinct communities.
        List<Community> hosts = new ArrayList<>(cs);
        Collections.shuffle(hosts, random);
        hosts = new ArrayList<>(hosts.subList(0, Math.min(STATIONS, hosts.size())));
        hosts.sort(Comparator.comparing(Community::code));
        List<VanguardStation> stations = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            Community c = hosts.get(i);
            stations.add(new VanguardStation(String.format("VS-%02d", i + 1), c.name() + "先锋服务站", c.code(),
                    jitter(random, c.lat(), 0.001), jitter(random, c.lon(), 0.0012)));
        }
        return new PairingSnapshot(agencies, List.copyOf(pairings), List.copyOf(members), List.copyOf(stations));
    }

    private static Agency agency(int index) {
        String code = code(index);
        return new Agency(code, AGENCY_NAMES[index][0], AGENCY_NAMES[index][1],
                code.toLowerCase() + "@agency.lianban.demo");
    }

    private static String code(int index) {
        return String.format("AG-%02d", index + 1);
    }

    private static String phone(Random random, Set<String> used) {
        String phone;
        do {
            phone = String.format("138%08d", random.nextInt(100_000_000));
        } while (!used.add(phone));
        return phone;
    }

    private static double jitter(Random random, double centre, double spread) {
        return Math.round((centre + (random.nextDouble() * 2 - 1) * spread) * 1e6) / 1e6;
    }

    private static <T> List<T> sortedDistinct(List<T> items, Function<T, String> code,
                                              String what) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(code));
        for (int i = 1; i < sorted.size(); i++) {
            if (code.apply(sorted.get(i)).equals(code.apply(sorted.get(i - 1)))) {
                throw new IllegalArgumentException("duplicate " + what + " code " + code.apply(sorted.get(i)));
            }
        }
        return sorted;
    }
}
