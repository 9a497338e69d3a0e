package cn.lianban.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates a month's demo resource list as the city center would publish it: 20 to 30 items drawn from a
 * catalogue over the four categories, each with its department from the coordination mechanism and a
 * capacity, a budget or both. The same seed and month always give the same list.
 */
final class DemoResourceGenerator {

    static final int MIN_ITEMS = 20;
    static final int MAX_ITEMS = 30;
    private static final List<String> CATEGORY_ORDER = List.of("POLICY", "FUNDS", "SERVICE", "FACILITY");

    /**
     * @param places   range of places or times (名额/场次), {0, 0} for none
     * @param tenThousands range of the budget in 万元, {0, 0} for none
     * @param months   how many months the item stays open for claims
     */
    private record Template(String category, String name, String dept, int[] places, int[] tenThousands, int months,
                            String description) {
    }

    private static final int[] NONE = {0, 0};

    private static final List<Template> CATALOGUE = List.of(
            new Template("POLICY", "老旧小区改造政策申报辅导", "housing", new int[]{5, 15}, NONE, 1,
                    "住建局派员到社区讲解改造政策、指导居民议事和申报材料"),
            new Template("POLICY", "就业创业扶持政策进社区", "hrss", new int[]{8, 20}, NONE, 1,
                    "讲解创业担保贷款、社保补贴等政策，现场登记就业意向"),
            new Template("POLICY", "养老服务补贴政策宣讲", "civil", new int[]{10, 20}, NONE, 1,
                    "高龄津贴、居家养老服务补贴的申领条件和办理流程"),
            new Template("POLICY", "退役军人优待政策服务", "veterans", new int[]{5, 10}, NONE, 1,
                    "优待证申领、就业安置等政策解读和现场帮办"),
            new Template("POLICY", "医保政策上门解读", "medicare", new int[]{8, 16}, NONE, 1,
                    "城乡居民医保参保缴费、门诊慢特病待遇等政策解读"),
            new Template("POLICY", "小微企业帮扶政策对接", "commerce", new int[]{4, 10}, NONE, 1,
                    "辖区商户和小微企业的帮扶政策对接会"),
            new Template("POLICY", "残疾人就业扶持政策", "disabled", new int[]{4, 8}, NONE, 1,
                    "残疾人就业补贴、辅助器具适配政策解读"),
            new Template("POLICY", "政务服务帮办代办", "approval", new int[]{10, 30}, NONE, 1,
                    "行政审批服务局派员驻社区，为老年人和行动不便群众帮办代办"),
            new Template("POLICY", "垃圾分类政策指导", "urban", new int[]{6, 12}, NONE, 1,
                    "垃圾分类管理办法宣讲和分类投放指导"),
            new Template("POLICY", "物业管理条例宣讲", "housing", new int[]{5, 12}, NONE, 1,
                    "物业服务、业主大会和业委会相关规定解读"),
            new Template("FUNDS", "社区微更新专项资金", "finance", NONE, new int[]{20, 60}, 2,
                    "用于社区公共空间微改造、微更新项目"),
            new Template("FUNDS", "党群服务阵地运行补助", "finance", NONE, new int[]{10, 30}, 1,
                    "党群服务中心、驿站日常运行和活动经费补助"),
            new Template("FUNDS", "为民办实事项目资金", "finance", NONE, new int[]{30, 80}, 2,
                    "社区提出、居民议定的为民办实事项目"),
            new Template("FUNDS", "居家养老服务补助资金", "civil", NONE, new int[]{15, 40}, 1,
                    "助餐、助浴、助洁等居家养老服务补助"),
            new Template("FUNDS", "社区文化活动经费", "culture", NONE, new int[]{5, 15}, 1,
                    "社区文艺队伍、节庆活动和全民阅读活动经费"),
            new Template("FUNDS", "平安社区建设补助", "police", NONE, new int[]{10, 25}, 1,
                    "群防群治队伍、技防设施维护补助"),
            new Template("FUNDS", "消防安全隐患整改资金", "fire", NONE, new int[]{10, 30}, 2,
                    "老旧小区消防通道、消防设施隐患整改"),
            new Template("FUNDS", "困难群众临时救助资金", "civil", NONE, new int[]{8, 20}, 1,
                    "遭遇突发困难群众的临时救助"),
            new Template("FUNDS", "儿童友好社区建设资金", "women", NONE, new int[]{5, 20}, 2,
                    "儿童之家、四点半课堂等儿童友好空间建设"),
            new Template("FUNDS", "环境卫生整治补助", "urban", NONE, new int[]{10, 30}, 1,
                    "背街小巷、楼道和无物业小区环境卫生整治"),
            new Template("FUNDS", "职工之家建设补助", "union", NONE, new int[]{5, 12}, 2,
                    "社区户外劳动者驿站、职工之家建设补助"),
            new Template("SERVICE", "家庭医生签约上门服务", "health", new int[]{20, 60}, NONE, 1,
                    "家庭医生团队入户随访、健康评估"),
            new Template("SERVICE", "中医义诊进社区", "health", new int[]{4, 10}, NONE, 1,
                    "中医专家坐诊、推拿理疗和养生讲座"),
            new Template("SERVICE", "法律顾问驻点服务", "justice", new int[]{8, 16}, NONE, 1,
                    "律师每周驻点，提供法律咨询、调解和法律援助申请帮办"),
            new Template("SERVICE", "心理健康辅导", "health", new int[]{6, 12}, NONE, 1,
                    "心理咨询师为青少年、独居老人等提供心理疏导"),
            new Template("SERVICE", "青少年暑期托管", "youth", new int[]{30, 80}, NONE, 1,
                    "团市委组织志愿者开展作业辅导和兴趣活动"),
            new Template("SERVICE", "就业招聘会进社区", "hrss", new int[]{2, 6}, NONE, 1,
                    "组织用工企业到社区开展现场招聘"),
            new Template("SERVICE", "反诈宣传进社区", "police", new int[]{6, 15}, NONE, 1,
                    "民警讲解常见电信网络诈骗手法，帮助安装反诈应用"),
            new Template("SERVICE", "电动自行车安全检查", "fire", new int[]{6, 12}, NONE, 1,
                    "电动自行车充电、停放安全检查和宣传"),
            new Template("SERVICE", "燃气安全入户检查", "emergency", new int[]{100, 300}, NONE, 1,
                    "燃气管道、灶具和报警器入户检查"),
            new Template("SERVICE", "文艺演出进社区", "culture", new int[]{3, 8}, NONE, 1,
                    "文化馆、剧团送戏送电影进社区"),
            new Template("SERVICE", "职工技能培训", "union", new int[]{20, 50}, NONE, 1,
                    "家政、养老护理、电工等职业技能培训"),
            new Template("SERVICE", "农技服务下乡", "agriculture", new int[]{4, 10}, NONE, 1,
                    "涉农社区的种植养殖技术指导"),
            new Template("SERVICE", "妇女儿童维权服务", "women", new int[]{6, 12}, NONE, 1,
                    "婚姻家庭纠纷调解和妇女儿童权益咨询"),
            new Template("FACILITY", "电动自行车集中充电棚", "fire", new int[]{3, 8}, new int[]{20, 50}, 3,
                    "建设带消防设施和定时断电功能的集中充电棚，按处承接"),
            new Template("FACILITY", "老旧小区加装电梯", "housing", new int[]{2, 6}, new int[]{60, 150}, 3,
                    "既有住宅加装电梯补助，按部承接"),
            new Template("FACILITY", "口袋公园建设", "resources", new int[]{2, 5}, new int[]{30, 80}, 3,
                    "利用边角地、闲置地建设口袋公园，按处承接"),
            new Template("FACILITY", "社区健身路径", "education", new int[]{5, 15}, NONE, 2,
                    "配建室外健身器材，按套承接"),
            new Template("FACILITY", "无障碍设施改造", "disabled", new int[]{10, 30}, new int[]{10, 30}, 3,
                    "出入口坡道、扶手等无障碍改造，按处承接"),
            new Template("FACILITY", "雨污分流改造", "water", new int[]{2, 5}, new int[]{50, 120}, 3,
                    "老旧小区雨污管网分流改造，按小区承接"),
            new Template("FACILITY", "智慧安防监控", "police", new int[]{5, 15}, new int[]{20, 60}, 2,
                    "小区出入口人脸识别门禁和公共区域监控，按小区承接"),
            new Template("FACILITY", "公共充电桩", "power", new int[]{10, 40}, NONE, 2,
                    "小区公共停车位的新能源汽车充电桩，按个承接"),
            new Template("FACILITY", "垃圾分类投放亭", "urban", new int[]{10, 30}, new int[]{10, 30}, 2,
                    "带洗手池和除臭设施的分类投放亭，按个承接"),
            new Template("FACILITY", "社区食堂改造", "civil", new int[]{2, 5}, new int[]{20, 50}, 3,
                    "社区长者食堂的厨房和就餐区改造，按处承接"));

    private final long seed;

    public DemoResourceGenerator(long seed) {
        this.seed = seed;
    }

    public List<ResourceItem> generate(YearMonth month) {
        Random random = new Random(seed * 10_000 + month.getYear() * 100L + month.getMonthValue());
        List<Template> picked = new ArrayList<>(CATALOGUE);
        Collections.shuffle(picked, random);
        picked = new ArrayList<>(picked.subList(0, MIN_ITEMS + random.nextInt(MAX_ITEMS - MIN_ITEMS + 1)));
        picked.sort(Comparator.comparing((Template t) -> CATEGORY_ORDER.indexOf(t.category()))
                .thenComparing(CATALOGUE::indexOf));
        List<ResourceItem> items = new ArrayList<>();
        LocalDate from = month.atDay(1);
        for (Template t : picked) {
            Integer capacity = t.places()[1] == 0 ? null : between(random, t.places());
            // budgets in whole thousands of yuan
            BigDecimal budget = t.tenThousands()[1] == 0 ? null
                    : BigDecimal.valueOf(between(random, new int[]{t.tenThousands()[0] * 10, t.tenThousands()[1] * 10})
                    * 1000L).setScale(2);
            items.add(new ResourceItem(ResourceItem.code(month, items.size() + 1), month.toString(),
                    t.category(), t.name(), t.description(), t.dept(), capacity, budget, BigDecimal.ZERO.setScale(2), 0,
                    from, month.plusMonths(t.months() - 1L).atEndOfMonth(), true));
        }
        return items;
    }

    private static int between(Random random, int[] range) {
        return range[0] + random.nextInt(range[1] - range[0] + 1);
    }
}
