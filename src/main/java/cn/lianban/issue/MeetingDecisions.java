package cn.lianban.issue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.EngineClock;
import cn.lianban.common.UserInputException;

/**
 * What the meeting form records beyond lead, co-departments and deadline: who came of those invited ({@code
 * attended}), each department's share of the work ({@code leadTask}, {@code coTasks}: kept as {@code deptTasks},
 * department, task, its own date) and the funds with their purpose. All are optional for REST clients that send only
 * the contract's fields; what is sent is checked here. Tasklist sends the attendance as JSON, REST clients as a list.
 */
@Component
class MeetingDecisions {

    static final int MAX_TASK = 200;
    /** The most one meeting may place (the resource tables hold up to 12 digits of yuan). */
    static final long MAX_FUNDS = 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One department's task as the meeting decided it; {@code due} null means the case's deadline. */
    record DeptTask(String dept, String task, LocalDate due) {

        /** As the process keeps it: text values only, so that history and forms read it back as they wrote it. */
        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("dept", dept);
            map.put("task", task);
            if (due != null) {
                map.put("due", due.toString());
            }
            return map;
        }
    }

    /**
     * Who came: the keys sent, each one of the invitees offered ({@code offered}: key → name), in the order offered.
     *
     * @throws UserInputException when someone not invited is named
     */
    List<String> attendance(Object sent, Map<String, String> offered) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object item : list(sent, "attended", "到会单位和人员")) {
            String key = item == null ? "" : item.toString().strip();
            if (!offered.containsKey(key)) {
                throw new UserInputException("attended", "到会单位和人员须从受邀名单中选择");
            }
            keys.add(key);
        }
        return offered.keySet().stream().filter(keys::contains).toList();
    }

    /**
     * Each department's task: the lead's ({@code leadTask}) and one line per co-department ({@code coTasks}: "城市管理局：
     * 清理堆物", optionally "：2026-12-05" for its own date). A line names a co-department decided at this meeting, once;
     * its task is required; its date, if any, lies between today and the case's deadline. Blank lines are skipped.
     *
     * @throws UserInputException on the first line that breaks a rule, naming it
     */
    List<DeptTask> deptTasks(String leadTask, String coTasks, IssueService.Meeting meeting,
                             Map<String, String> deptNames) {
        List<DeptTask> tasks = new ArrayList<>();
        if (leadTask != null) {
            tasks.add(new DeptTask(meeting.leadDept(), check(leadTask, "leadTask", deptNames.get(meeting.leadDept())),
                    null));
        }
        if (coTasks == null) {
            return tasks;
        }
        Map<String, String> byName = new LinkedHashMap<>();
        meeting.coDepts().forEach(d -> byName.put(deptNames.getOrDefault(d, d), d));
        LocalDate latest = meeting.deadline().due().toLocalDate();
        LocalDate today = EngineClock.now().toLocalDate();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : coTasks.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s*[：:]\\s*", 3);
            String dept = byName.get(parts[0]);
            if (dept == null) {
                throw new UserInputException("coTasks", "协办部门分工须以本次确定的协办部门名称开头：" + line.strip());
            }
            if (!seen.add(dept)) {
                throw new UserInputException("coTasks", parts[0] + "的分工重复填写");
            }
            String task = check(parts.length > 1 ? text(parts[1]) : null, "coTasks", parts[0]);
            LocalDate due = parts.length > 2 ? date(parts[2], parts[0]) : null;
            if (due != null && (due.isBefore(today) || due.isAfter(latest))) {
                throw new UserInputException("coTasks", parts[0] + "的完成日期须在今天至办结期限 " + latest + " 之间");
            }
            tasks.add(new DeptTask(dept, task, due));
        }
        return tasks;
    }

    private static String check(String task, String field, String deptName) {
        if (task == null) {
            throw new UserInputException(field, "请填写" + deptName + "承担的任务");
        }
        if (task.length() > MAX_TASK) {
            throw new UserInputException(field, deptName + "承担的任务不能超过 " + MAX_TASK + " 字");
        }
        return task;
    }

    /**
     * The yuan the meeting decided, whole and not negative; 0 when none. Funds need a purpose.
     *
     * @throws UserInputException when the amount is not a whole number of yuan, or funds come without a purpose
     */
    long funds(Object sent, String purpose) {
        if (sent == null) {
            return 0;
        }
        double yuan;
        try {
            yuan = sent instanceof Number n ? n.doubleValue() : Double.parseDouble(sent.toString().strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("funds", "安排资金须为整数（元）");
        }
        if (yuan < 0 || yuan != Math.rint(yuan) || yuan > MAX_FUNDS) {
            throw new UserInputException("funds", "安排资金须为 0 至 " + MAX_FUNDS + " 之间的整数（元）");
        }
        if (yuan > 0 && (purpose == null || purpose.length() > MAX_TASK)) {
            throw new UserInputException("fundsPurpose", purpose == null ? "安排资金时请填写资金用途"
                    : "资金用途不能超过 " + MAX_TASK + " 字");
        }
        return (long) yuan;
    }

    /** A list as Tasklist (JSON text or Spin JSON) or a REST client (a list) sent it; none when nothing was sent. */
    private static List<?> list(Object sent, String field, String label) {
        if (sent == null) {
            return List.of();
        }
        if (sent instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        try {
            Object parsed = JSON.readValue(sent.toString(), new TypeReference<Object>() { });
            if (parsed instanceof List<?> l) {
                return l;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw new UserInputException(field, label + "格式有误");
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static LocalDate date(String value, String name) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new UserInputException("coTasks", name + "的完成日期须为日期（如 2026-12-31）");
        }
    }
}
