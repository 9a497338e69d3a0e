package cn.lianban.resource;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/** Input rules that claims (承接) and community orders (点单) share. */
@Component
class ResourceRules {

    static final int TEXT_MAX = ResourceList.TEXT_MAX;
    private static final String COMMUNITY_GROUP = UnitType.COMMUNITY.group("");

    private final Directory directory;

    public ResourceRules(Directory directory) {
        this.directory = directory;
    }

    /**
     * The community that claims or orders. {@code starterGroups} are the logged-in starter's groups (null when
     * the system starts it): a community secretary acts for their own community, which is taken from their
     * groups when {@code communityCode} is not given.
     */
    public Placement community(String communityCode, Collection<String> starterGroups) {
        String code = text(communityCode);
        if (starterGroups != null) {
            List<String> own = starterGroups.stream().filter(g -> g.startsWith(COMMUNITY_GROUP))
                    .map(g -> g.substring(COMMUNITY_GROUP.length())).toList();
            if (code == null && own.size() == 1) {
                code = own.get(0);
            } else if (code == null) {
                throw new UserInputException("communityCode", "请由社区书记以本社区名义提交（无法确定所在社区）");
            } else if (!own.contains(code) && !starterGroups.contains(Roles.ADMIN)) {
                throw new UserInputException("communityCode", "只能为本社区提交: " + code);
            }
        }
        if (code == null || directory.community(code).isEmpty()) {
            throw new UserInputException("communityCode", "社区编码不存在: " + code);
        }
        return directory.placement(code);
    }

    public String department(Object deptCode) {
        String code = deptCode == null ? "" : deptCode.toString().trim();
        if (code.isEmpty() || directory.department(code).isEmpty()) {
            throw new UserInputException("deptCode", "承办部门无效: " + code);
        }
        return code;
    }

    public String departmentName(String code) {
        return directory.unitName(UnitType.DEPT.group(code));
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /** A required text of at most 2000 characters. */
    static String requiredText(Object value, String field, String label) {
        String text = text(value);
        if (text == null) {
            throw new UserInputException(field, "请填写" + label + "（" + field + "）");
        }
        if (text.length() > TEXT_MAX) {
            throw new UserInputException(field, label + "不能超过" + TEXT_MAX + "字");
        }
        return text;
    }

    /** A text that may be empty, of at most 2000 characters. */
    static String optionalText(Object value, String field, String label) {
        return text(value) == null ? null : requiredText(value, field, label);
    }

    /** A whole number of at least {@code min}, or null when absent. */
    static Long whole(Object value, long min, String field, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        double n;
        try {
            n = value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            n = Double.NaN;
        }
        if (Double.isNaN(n) || n != Math.rint(n) || n < min || n > 1e12) {
            throw new UserInputException(field, label + "须为不小于 " + min + " 的整数");
        }
        return (long) n;
    }

    /** A yes/no answer given in a form. */
    static boolean decision(Object value, String field, String question) {
        if (!(value instanceof Boolean answer)) {
            throw new UserInputException(field, "请选择" + question);
        }
        return answer;
    }

    /** The text that a "no" must come with. */
    static String reasonFor(boolean yes, Object reason, String field, String message) {
        if (!yes && text(reason) == null) {
            throw new UserInputException(field, message);
        }
        return optionalText(reason, field, "说明");
    }
}
