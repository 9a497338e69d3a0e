package cn.lianban.issue;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.Deadline;
import cn.lianban.common.EngineClock;
import cn.lianban.common.KeySequence;
import cn.lianban.common.Position;
import cn.lianban.common.TimeLimits;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Grid;
import cn.lianban.directory.IssueCategories;
import cn.lianban.directory.Roles;
import cn.lianban.notify.ReporterPhone;
import cn.lianban.security.UserUnits;

/**
 * The rules of 五级三色联席汇办 that are not drawn in the BPMN: what a filing must contain, when an
 * override needs a reason, who handles at which level, and how time limits turn into due dates.
 * Process delegates are thin wrappers around these methods. Public for the level's time limit only.
 */
@Service
public class IssueService {

    static final Set<String> COLORS = Set.of("GREEN", "YELLOW", "RED");
    static final int MAX_TITLE = 100;

    private final Directory directory;
    private final KeySequence keys;
    private final TimeLimits limits;
    private final WorkingCalendar calendar;
    private final UserUnits units;

    IssueService(Directory directory, KeySequence keys, TimeLimits limits, WorkingCalendar calendar,
                 UserUnits units) {
        this.units = units;
        this.directory = directory;
        this.keys = keys;
        this.limits = limits;
        this.calendar = calendar;
    }

    /**
     * Checks a filing (提报) and gives it its business key. {@code filerGroups} are the groups of the
     * logged-in filer (null when the system files). A community secretary files for her own community, which is
     * filled in when she leaves it empty; a grid worker for his grid (both filled in when left empty); a street office
     * for the communities of its street; the city center and administrators for any. The grid ({@code gridCode}) is
     * optional and must be one of the case's community.
     */
    Filed file(Filing f, Collection<String> filerGroups) {
        String title = requiredText(f.title(), "title", "标题");
        if (title.length() > MAX_TITLE) {
            throw new UserInputException("title", "标题不能超过" + MAX_TITLE + "个字");
        }
        requiredText(f.description(), "description", "问题描述");
        String category = requiredText(f.category(), "category", "问题类别");
        if (!IssueCategories.isValid(category)) {
            throw new UserInputException("category", "问题类别无效，请选择：" + String.join("、", IssueCategories.NAMES.values()));
        }
        String communityCode = filingCommunity(f.communityCode(), filerGroups);
        Grid grid = filingGrid(f.gridCode(), communityCode, filerGroups);
        nonNegative(f.households(), "households", "涉及户数");
        nonNegative(f.estimatedCost(), "estimatedCost", "预估费用");
        flag(f.multiCommunity(), "multiCommunity");
        flag(f.multiDepartment(), "multiDepartment");
        flag(f.safetyRisk(), "safetyRisk");
        Position position = f.position();
        String reporterPhone = ReporterPhone.checked(f.reporterPhone());
        String key = keys.next("JH", EngineClock.now().getYear());
        return new Filed(key, directory.placement(communityCode), grid, position, reporterPhone);
    }

    /** The community filed for: as given and within the filer's scope, or the filer's only community. */
    private String filingCommunity(Object given, Collection<String> filerGroups) {
        Set<String> scope = filerGroups == null ? null
                : units.communities(Set.copyOf(filerGroups), Roles.COMMUNITY_SECRETARY, Roles.STREET_OFFICE,
                        Roles.GRID_WORKER);
        String code = given == null ? "" : given.toString().trim();
        if (code.isEmpty()) {
            if (scope == null || scope.size() != 1) {
                throw new UserInputException("communityCode", "请填写提报社区编码（如 C-DL-01）");
            }
            return scope.iterator().next();
        }
        // the community's name first: the filer typed the code, but reads the name
        String named = directory.community(code).map(c -> c.name() + "（" + code + "）")
                .orElseThrow(() -> new UserInputException("communityCode", "社区编码不存在：" + code));
        if (scope != null && !scope.contains(code)) {
            throw new UserInputException("communityCode", filerGroups.contains(Roles.COMMUNITY_SECRETARY)
                    || filerGroups.contains(Roles.GRID_WORKER)
                    ? "只能为本社区提报事项：" + named + "不是您所在的社区"
                    : "只能为所辖社区提报事项：" + named + "不在您的辖区内");
        }
        return code;
    }

    /**
     * The grid filed for (issue 14): as given, a grid of the case's community (a grid worker only his own); a grid
     * worker who leaves it empty files for his own grid; anyone else for the whole community (null).
     */
    private Grid filingGrid(Object given, String communityCode, Collection<String> filerGroups) {
        Set<String> own = filerGroups == null ? Set.of() : UserUnits.grids(filerGroups);
        String code = given == null ? "" : given.toString().trim();
        if (code.isEmpty()) {
            List<Grid> mine = own.stream().map(directory::grid).flatMap(Optional::stream)
                    .filter(g -> g.communityCode().equals(communityCode)).toList();
            return mine.size() == 1 ? mine.get(0) : null;
        }
        Grid grid = directory.grid(code)
                .orElseThrow(() -> new UserInputException("gridCode", "网格编码不存在：" + code));
        if (!grid.communityCode().equals(communityCode)) {
            throw new UserInputException("gridCode", grid.name() + "不属于提报社区，请填写本社区的网格编码或不填");
        }
        if (!own.isEmpty() && !own.contains(code)) {
            throw new UserInputException("gridCode", "网格员只能为本网格提报事项：" + grid.name() + "不是您所在的网格");
        }
        return grid;
    }

    /** The committee may override the proposed colour, but only with a reason (every override is recorded). */
    boolean checkRating(String proposed, String color, String overrideReason) {
        if (color == null || !COLORS.contains(color)) {
            throw new UserInputException("color", "请选择评级颜色：绿色、黄色或红色");
        }
        boolean override = !color.equals(proposed);
        if (override && isBlank(overrideReason)) {
            throw new UserInputException("overrideReason",
                    "评级与系统建议（" + CaseLabels.colorName(proposed) + "）不一致，必须填写调整理由");
        }
        return override;
    }

    /** 交办: the lead department proposed from the category and the first deadline from the colour. */
    Assignment assign(String category, String color, int level, Placement placement, String gridCode) {
        String leadDept = directory.leadDepartmentFor(category).orElse(null);
        return new Assignment(leadDept, handlers(level, placement.community().code(), gridCode, leadDept),
                Levels.meetingGroup(level, placement), deadlineInDays(limits.resolveDaysForColor(color)));
    }

    /**
     * Who handles at a level: at level 1 the case's grid (or all grids of the community when it names none) with the
     * community, whose secretary may step in; at level 2 the community; the lead department above.
     */
    Handlers handlers(int level, String communityCode, String gridCode, String leadDept) {
        return new Handlers(Levels.handleGroup(level, communityCode, leadDept),
                Levels.handleGridGroups(level, gridCode, () -> directory.gridsOf(communityCode)));
    }

    /** The clock restarts with the level's own limit (after escalation, refusal or reopening). */
    public Deadline deadlineForLevel(int level) {
        return deadlineInDays(limits.resolveDaysForLevel(level));
    }

    /** Level 5 has nowhere to escalate: the city center is reminded again one working day later. */
    Deadline nextCenterReminder() {
        return deadlineInDays(1);
    }

    /** Checks what the joint meeting decided: lead and co-departments, and a deadline within the level's limit. */
    Meeting meeting(String leadDeptValue, Object coDeptsValue, Object deadlineValue, String minutes, int level) {
        String leadDept = leadDeptValue == null ? "" : leadDeptValue;
        if (leadDept.isEmpty() || directory.department(leadDept).isEmpty()) {
            throw new UserInputException("leadDept", "牵头部门无效: " + leadDept);
        }
        List<String> coDepts = departmentList(coDeptsValue);
        if (coDepts.contains(leadDept)) {
            throw new UserInputException("coDepts", "协办部门不能包含牵头部门 " + leadDept);
        }
        if (isBlank(minutes)) {
            throw new UserInputException("minutes", "请填写会议纪要");
        }
        LocalDate deadline = parseDate(deadlineValue, "deadline", "办理期限须为日期（如 2026-12-31）");
        ZonedDateTime now = EngineClock.now();
        Deadline latest = deadlineForLevel(level);
        if (deadline.isBefore(now.toLocalDate())) {
            throw new UserInputException("deadline", "办理期限不能早于今天");
        }
        if (deadline.isAfter(latest.due().toLocalDate())) {
            throw new UserInputException("deadline",
                    "办理期限不能晚于本级时限 " + latest.due().toLocalDate() + "（" + CaseLabels.levelName(level) + "）");
        }
        ZonedDateTime due = deadline.atTime(WorkingCalendar.END_OF_WORKING_DAY).atZone(EngineClock.ZONE);
        return new Meeting(leadDept, coDepts, new Deadline(due, calendar.reminderAt(due)));
    }

    void checkApproval(Boolean approved, String comment) {
        if (approved == null) {
            throw new UserInputException("approved", "请选择是否同意升级");
        }
        if (!approved && isBlank(comment)) {
            throw new UserInputException("comment", "不同意升级时必须填写意见");
        }
    }

    void checkEvaluation(Boolean satisfied, Number satisfaction) {
        if (satisfied == null) {
            throw new UserInputException("satisfied", "请选择是否满意");
        }
        checkSatisfaction(satisfaction);
    }

    /** A satisfaction score, the community's in 评价销号 or the resident's through the link: a whole 1 to 5. */
    static void checkSatisfaction(Number satisfaction) {
        if (satisfaction == null || satisfaction.doubleValue() != Math.rint(satisfaction.doubleValue())
                || satisfaction.intValue() < 1 || satisfaction.intValue() > 5) {
            throw new UserInputException("satisfaction", "满意度须为 1 到 5 的整数");
        }
    }

    void checkHandling(String result, Boolean resolved) {
        if (isBlank(result)) {
            throw new UserInputException("result", "请填写办理结果");
        }
        if (resolved == null) {
            throw new UserInputException("resolved", "请选择是否已解决");
        }
    }

    /** Joint meetings are convened from 09:00 on the next working day, in the first free hours of the venue. */
    ZonedDateTime meetingTime() {
        return calendar.addWorkingDays(EngineClock.now().toLocalDate(), 1).atTime(9, 0).atZone(EngineClock.ZONE);
    }

    private Deadline deadlineInDays(int workingDays) {
        ZonedDateTime due = calendar.dueAt(EngineClock.now(), workingDays);
        return new Deadline(due, calendar.reminderAt(due));
    }

    List<String> departmentList(Object value) {
        List<String> codes = sentList(value);
        for (String code : codes) {
            if (directory.department(code).isEmpty()) {
                throw new UserInputException("coDepts", "协办部门无效: " + code);
            }
        }
        return new ArrayList<>(codes);
    }

    /**
     * The codes a taglist or checklist sent, trimmed, without blanks and repeats: Tasklist sends a JSON array; REST
     * clients may send a list or a comma-separated text.
     */
    static List<String> sentList(Object value) {
        Collection<?> raw;
        if (value == null) {
            raw = List.of();
        } else if (value instanceof Collection<?> c) {
            raw = c;
        } else if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            raw = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
        } else {
            raw = List.of(value.toString().replaceAll("[\\[\\]\"]", "").split("[,，\\s]+"));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Object o : raw) {
            String code = o == null ? "" : o.toString().trim();
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    /** A date as a form sends it (a date, or text starting yyyy-MM-dd); refused with the field's sentence. */
    static LocalDate parseDate(Object value, String field, String message) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(EngineClock.ZONE).toLocalDate();
        }
        try {
            String text = value == null ? "" : value.toString().trim();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new UserInputException(field, message);
        }
    }

    private static String requiredText(Object value, String key, String label) {
        if (value == null || isBlank(value.toString())) {
            throw new UserInputException(key, "请填写" + label + "（" + key + "）");
        }
        return value.toString().trim();
    }

    private static void nonNegative(Object value, String key, String label) {
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new UserInputException(key, label + "（" + key + "）须为不小于 0 的整数");
        }
    }

    private static void flag(Object value, String key) {
        if (value != null && !(value instanceof Boolean)) {
            throw new UserInputException(key, key + " 必须是是/否（Boolean）");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** A filing as sent, unchecked; the keys in the checks are the start form's fields. */
    record Filing(Object title, Object description, Object category, Object communityCode, Object gridCode,
                  Object households, Object estimatedCost, Object multiCommunity, Object multiDepartment,
                  Object safetyRisk, Object lat, Object lon, Object reporterPhone) {

        /** Where the problem is: both within China or neither (null). */
        Position position() {
            return Position.of(lat, lon, "lat", "lon");
        }
    }

    /**
     * @param grid          the grid filed for; null for a case of the whole community
     * @param position      where, or null
     * @param reporterPhone the reporting resident's mobile as 11 digits, or null
     */
    record Filed(String businessKey, Placement placement, Grid grid, Position position, String reporterPhone) {
    }

    record Assignment(String leadDept, Handlers handlers, String meetingGroup, Deadline deadline) {
    }

    /**
     * @param group      the unit answerable for handling (mails, acceptance, the case's row)
     * @param gridGroups the grids whose workers are offered the task too (level 1)
     */
    record Handlers(String group, List<String> gridGroups) {
    }

    record Meeting(String leadDept, List<String> coDepts, Deadline deadline) {
    }
}
