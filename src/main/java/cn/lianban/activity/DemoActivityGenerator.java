package cn.lianban.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.lianban.venue.Venue;

/**
 * Generates the demo activities: {@value #ACTIVITIES} activities over the {@value #WEEKS} weeks after
 * {@code today} at the city center, area complexes and community centers, each published by the unit that
 * manages its venue, with residents signed up: some full with a waiting list, some with one place left, some
 * half full. The result depends only on the seed, the venues and the day.
 */
final class DemoActivityGenerator {

    public static final int ACTIVITIES = 12;
    public static final int WEEKS = 4;
    /** The login the demo activities are published by. */
    public static final String PUBLISHER = "demo";

    /** One demo activity: who publishes it, what, and who signs up, in order. */
    public record DemoActivity(String unitGroup, ActivityService.NewActivity activity, List<Resident> residents) {
    }

    public record Resident(String name, String phone) {
    }

    /**
     * What an activity is about, the level of venue it is best held at, the venue function it needs, when it
     * starts, how long and for how many.
     */
    private record Idea(String title, String description, int level, String function, LocalTime starts, int hours,
                        int capacity) {
    }

    private static final List<Idea> IDEAS = List.of(
            new Idea("重阳敬老茶话会", "为辖区老人准备茶点和文艺节目，欢迎子女陪同参加。", Venue.AREA, "eldercare",
                    LocalTime.of(9, 30), 2, 30),
            new Idea("亲子手工课堂", "用废旧纸盒做小书架，材料由中心准备，请家长陪同孩子参加。", Venue.COMMUNITY, "kids",
                    LocalTime.of(14, 30), 2, 12),
            new Idea("党史学习读书会", "共读《中国共产党简史》第五章，欢迎党员和居民参加交流。", Venue.CITY, "library",
                    LocalTime.of(19, 0), 1, 20),
            new Idea("居民健康义诊", "社区卫生服务中心医生到场量血压、测血糖，解答用药问题。", Venue.AREA, "health",
                    LocalTime.of(9, 0), 3, 40),
            new Idea("法律咨询进社区", "律师现场解答婚姻家庭、物业纠纷、劳动合同等问题。", Venue.COMMUNITY, "legal",
                    LocalTime.of(14, 0), 2, 15),
            new Idea("书法兴趣班", "零基础楷书入门，笔墨纸砚由中心提供。", Venue.COMMUNITY, "activity",
                    LocalTime.of(15, 0), 2, 16),
            new Idea("防范电信诈骗讲座", "民警讲解常见诈骗手法和防范要点，现场演示国家反诈中心App。", Venue.AREA, "meeting",
                    LocalTime.of(10, 0), 1, 50),
            new Idea("老年人智能手机课堂", "教老年朋友用手机挂号、扫码乘车和视频通话，请自带手机。", Venue.COMMUNITY, "activity",
                    LocalTime.of(9, 0), 2, 15),
            new Idea("青少年篮球友谊赛", "辖区青少年三人制篮球赛，赛前请家长签署安全告知书。", Venue.AREA, "sports",
                    LocalTime.of(15, 30), 2, 24),
            new Idea("垃圾分类宣传志愿活动", "志愿者集合领取宣传册，分组入户宣传垃圾分类。", Venue.COMMUNITY, "activity",
                    LocalTime.of(8, 30), 2, 20),
            new Idea("邻里议事会", "商议小区停车位划线和楼道杂物清理方案，欢迎居民代表参加。", Venue.COMMUNITY, "council",
                    LocalTime.of(19, 0), 1, 25),
            new Idea("少儿绘本阅读会", "绘本共读和故事分享，适合6至10岁儿童。", Venue.COMMUNITY, "library",
                    LocalTime.of(10, 0), 2, 18));

    /** How full each activity is, in turn: over capacity (waiting list), one place left, half, a few. */
    private static final int FULL_WITH_WAITLIST = 0;
    private static final int ONE_LEFT = 1;
    private static final int HALF = 2;

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String GIVEN = "秀英桂英玉兰建华建国志强海燕丽娟春梅德明文军红梅晓东子涵梓萱浩然欣怡";

    private final long seed;

    public DemoActivityGenerator(long seed) {
        this.seed = seed;
    }

    public List<DemoActivity> generate(List<Venue> venues, LocalDate today) {
        Random random = new Random(seed);
        List<Venue> centers = venues.stream().filter(v -> v.level() <= Venue.COMMUNITY)
                .sorted(Comparator.comparing(Venue::code)).toList();
        Set<String> used = new LinkedHashSet<>();
        List<DemoActivity> out = new ArrayList<>();
        for (int i = 0; i < IDEAS.size() && i < ACTIVITIES; i++) {
            Idea idea = IDEAS.get(i);
            LocalDate day = today.plusDays(1 + (long) i * (WEEKS * 7 - 2) / ACTIVITIES + random.nextInt(2));
            Venue venue = venueFor(idea, day, centers, used, random);
            if (venue == null) {
                continue;
            }
            used.add(venue.code());
            LocalDateTime starts = startWithin(venue, day, idea);
            int capacity = Math.min(idea.capacity(), venue.capacity());
            int signUps = switch (i % 4) {
                case FULL_WITH_WAITLIST -> capacity + 2;
                case ONE_LEFT -> capacity - 1;
                case HALF -> capacity / 2;
                default -> 3;
            };
            out.add(new DemoActivity(venue.managerGroup(), new ActivityService.NewActivity(idea.title(),
                    idea.description(), venue.code(), venue.managerGroup(), starts, starts.plusHours(idea.hours()),
                    capacity), residents(random, signUps)));
        }
        return List.copyOf(out);
    }

    /**
     * A venue not used yet that offers the idea's function and is open at some start on that day: of the idea's
     * level if there is one, else of any level.
     */
    private static Venue venueFor(Idea idea, LocalDate day, List<Venue> centers, Set<String> used, Random random) {
        List<Venue> fit = centers.stream().filter(v -> v.offers(idea.function()) && !used.contains(v.code())
                && startWithin(v, day, idea) != null).toList();
        List<Venue> level = fit.stream().filter(v -> v.level() == idea.level()).toList();
        List<Venue> pool = level.isEmpty() ? fit : level;
        return pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
    }

    /** The idea's own start, or else a morning or afternoon start within the venue's opening hours. */
    private static LocalDateTime startWithin(Venue venue, LocalDate day, Idea idea) {
        for (LocalTime t : List.of(idea.starts(), LocalTime.of(9, 0), LocalTime.of(14, 0))) {
            LocalDateTime start = day.atTime(t);
            if (venue.isOpen(start, start.plusHours(idea.hours()))) {
                return start;
            }
        }
        return null;
    }

    private static List<Resident> residents(Random random, int count) {
        List<Resident> residents = new ArrayList<>();
        Set<String> phones = new LinkedHashSet<>();
        while (residents.size() < count) {
            String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
            if (phones.add(phone)) {
                int g = random.nextInt(GIVEN.length() / 2) * 2;
                residents.add(new Resident(SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.substring(g, g + 2),
                        phone));
            }
        }
        return residents;
    }
}
