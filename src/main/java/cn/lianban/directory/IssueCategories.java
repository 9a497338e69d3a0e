package cn.lianban.directory;

import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's issue categories with the Chinese names users see. */
public final class IssueCategories {

    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("ENVIRONMENT", "环境卫生");
        names.put("TRAFFIC", "交通出行");
        names.put("HOUSING", "房屋住建");
        names.put("FACILITY", "公共设施");
        names.put("SAFETY", "安全隐患");
        names.put("ELDERLY", "养老服务");
        names.put("OTHER", "其他");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    public static boolean isValid(String category) {
        return category != null && NAMES.containsKey(category);
    }

    public static String chineseName(String category) {
        return NAMES.getOrDefault(category, category);
    }

    private IssueCategories() {
    }
}
