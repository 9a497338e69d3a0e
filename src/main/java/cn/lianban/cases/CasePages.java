package cn.lianban.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.NotFound;
import cn.lianban.common.Position;
import cn.lianban.common.RequestBodies;
import cn.lianban.common.TimeLight;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.directory.IssueCategories;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.issue.IssueCase;
import cn.lianban.issue.IssueDeadlines;
import cn.lianban.issue.IssueMerge;
import cn.lianban.issue.IssueStatus;
import cn.lianban.security.UserUnits;
import cn.lianban.ticket.TicketCaseReader;
import cn.lianban.resource.MeetingFunds;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The case page ({@code /cases/JH-2026-000042}): what the case is, where it stands, its deadline and 时效灯, the
 * whole story and its files, with an upload form; and 我的事项 ({@code /cases}), the cases of the login and its
 * unit. Everything in words: no codes, dates as {@code 2026-12-10 18:00}.
 */
@Controller
class CasePages {

    private static final Pattern UPLOAD_PATH = Pattern.compile("/cases/((?:JH|TK)-\\d{4}-\\d{6})/attachments/?");
    private static final Map<String, String> UPLOAD_ERRORS = Map.of(
            CaseUploads.TOO_LARGE, "附件不能超过 10 MB，未上传。",
            CaseUploads.UNSUPPORTED, "只能上传 JPG、PNG、WebP 图片，PDF 文件，Word（.docx）或 Excel（.xlsx）文件，未上传。",
            CaseUploads.MISSING, "请先选择要上传的文件。");
    private static final Map<String, String> COMMENT_ERRORS = Map.of(
            "missing_text", "请填写意见。",
            "text_too_long", "意见不能超过 " + CaseComments.MAX_TEXT + " 字。");

    private final CaseFiles cases;
    private final CaseUploads uploads;
    private final Directory directory;
    private final RequestBodies bodies;
    private final TicketCaseReader tickets;
    private final IssueDeadlines deadlines;
    private final CaseComments comments;
    private final MeetingFunds funds;

    CasePages(CaseFiles cases, CaseUploads uploads, Directory directory, RequestBodies bodies,
              TicketCaseReader tickets, IssueDeadlines deadlines,
              CaseComments comments, MeetingFunds funds) {
        this.tickets = tickets;
        this.deadlines = deadlines;
        this.comments = comments;
        this.funds = funds;
        this.cases = cases;
        this.uploads = uploads;
        this.directory = directory;
        this.bodies = bodies;
    }

    @GetMapping("/cases/{businessKey}")
    String page(@PathVariable String businessKey, @RequestParam(required = false) String error,
                @RequestParam(required = false) String uploaded, @RequestParam(required = false) String commented,
                Authentication user, CsrfToken csrf, Model model, HttpServletResponse response) {
        var found = cases.find(businessKey, user);
        if (found.isEmpty()) {
            return missing(businessKey, model, response);
        }
        model.addAttribute("page", page(found.get()));
        model.addAttribute("raiseLevels", raiseLevels(found.get().view(), user));
        model.addAttribute("mayShelve", mayShelve(found.get().view(), user));
        // read now: the session that keeps the token cannot be made once a long page has begun to go out
        model.addAttribute("csrfToken", csrf.getToken());
        model.addAttribute("uploadError", error == null ? null : UPLOAD_ERRORS.get(error));
        model.addAttribute("uploaded", uploaded != null);
        // deputies follow a case read only, and comment on it
        model.addAttribute("mayUpload", !CaseVisibility.isDeputy(user));
        model.addAttribute("mayComment", comments.mayComment(user, found.get().facts()));
        model.addAttribute("commentError", error == null ? null : COMMENT_ERRORS.get(error));
        model.addAttribute("commented", commented != null);
        return "cases/page";
    }

    @PostMapping("/cases/{businessKey}/comments")
    String comment(@PathVariable String businessKey, @RequestParam(required = false) String text,
                   Authentication user, Model model, HttpServletResponse response) {
        try {
            comments.comment(businessKey, bodies.valid(new CaseComments.Comment(text)), user);
            return "redirect:/cases/" + businessKey + "?commented";
        } catch (NotFound e) {
            return missing(businessKey, model, response);
        } catch (BadRequest e) {
            return "redirect:/cases/" + businessKey + "?error=" + (COMMENT_ERRORS.containsKey(e.code()) ? e.code()
                    : "missing_text");
        }
    }

    @PostMapping("/cases/{businessKey}/attachments")
    String upload(@PathVariable String businessKey, @RequestParam(name = "file", required = false) MultipartFile file,
                  Authentication user, Model model, HttpServletResponse response) {
        try {
            uploads.upload(businessKey, file, user);
            return "redirect:/cases/" + businessKey + "?uploaded";
        } catch (NotFound e) {
            return missing(businessKey, model, response);
        } catch (ApiException e) {
            return "redirect:/cases/" + businessKey + "?error=" + e.code();
        }
    }

    @GetMapping("/cases")
    String mine(@RequestParam(required = false) String page, Authentication user, Model model) {
        int number = pageNumber(page);
        List<CaseView> views = cases.mine(user, number, MineQuery.DEFAULT_SIZE);
        model.addAttribute("rows", views.stream().map(CasePages::row).toList());
        model.addAttribute("pageNumber", number);
        model.addAttribute("hasNext", views.size() == MineQuery.DEFAULT_SIZE);
        return "cases/list";
    }

    /** The case page an upload form's address belongs to ({@code /cases/JH-…/attachments} → {@code /cases/JH-…}). */
    static String pageOfUpload(String path) {
        Matcher m = UPLOAD_PATH.matcher(path);
        return m.matches() ? "/cases/" + m.group(1) : "/cases";
    }

    /**
     * The levels the city center may pull a running joint-handling case up to (提级, issue 13): those above its own;
     * none for anyone else, for tickets and for cases that cannot be raised now.
     */
    static List<Level> raiseLevels(CaseView c, Authentication user) {
        if (!UserUnits.groups(user).contains(Roles.CITY_CENTER) || !CaseFacts.JOINT_HANDLING.equals(c.process())
                || c.level() == null || !IssueStatus.raisable(c.status())) {
            return List.of();
        }
        List<Level> levels = new ArrayList<>();
        for (int level = c.level() + 1; level <= IssueCase.TOP_LEVEL; level++) {
            levels.add(new Level(level, CaseLabels.levelLabel(level)));
        }
        return levels;
    }

    /** Whether the user is the area committee of a joint-handling case being handled, who may put it on 挂账. */
    private boolean mayShelve(CaseView c, Authentication user) {
        return CaseFacts.JOINT_HANDLING.equals(c.process()) && IssueStatus.shelvable(c.status(), c.statusLabel())
                && directory.community(c.communityCode())
                .map(community -> UserUnits.groups(user).contains(UnitType.AREA.group(community.areaCode())))
                .orElse(false);
    }

    private static String missing(String businessKey, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("businessKey", businessKey);
        return "cases/missing";
    }

    private int pageNumber(String page) {
        try {
            return bodies.valid(new MineQuery(null, page, null)).pageNumber();
        } catch (BadRequest e) {
            return 1;
        }
    }

    /** The case page's model: every value already in words. */
    record Page(String businessKey, String title, String processName, String description, List<Fact> facts,
                List<Line> events, List<FileLine> attachments, List<CaseView.MergeLink> merges, Place place) {

        /** The pictures, shown as thumbnails. */
        public List<FileLine> photos() {
            return attachments.stream().filter(FileLine::picture).toList();
        }

        /** The other files, shown by name. */
        public List<FileLine> documents() {
            return attachments.stream().filter(f -> !f.picture()).toList();
        }
    }

    /**
     * Where the problem is (issue 14), null when the filing said nothing: the 具体位置 as typed, the position in
     * degrees and a marker in Amap (GCJ-02); each null when not given.
     */
    record Place(String location, String coordinates, String mapLink) {

        static Place of(String businessKey, String title, String location, Position position) {
            if ((location == null || location.isBlank()) && position == null) {
                return null;
            }
            return new Place(location == null || location.isBlank() ? null : location,
                    position == null ? null : position.label(),
                    position == null ? null : position.amapLink(title == null ? businessKey : businessKey + " " + title));
        }
    }

    /** One fact of the case; {@code tone} colours it (ok, warn, bad) or is null; {@code href} links it or is null. */
    record Fact(String label, String value, String tone, String href) {

        Fact(String label, String value, String tone) {
            this(label, value, tone, null);
        }
    }

    record Line(String at, String actorName, String action, String note) {
    }

    /** An attachment; its size in words, e.g. 1.2 MB. */
    record FileLine(long id, String name, String size, boolean picture) {
    }

    /** A level offered for 提级. */
    record Level(int value, String label) {
    }

    /** A line of 我的事项. */
    record Row(String businessKey, String kind, String title, String community, String status, String due,
               String light, String tone) {
    }

    private Page page(CaseFiles.CaseFile file) {
        CaseView v = file.view();
        CaseFacts c = file.facts();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("状态", v.statusLabel(), null));
        String due = v.dueAt() == null ? "未定" : LocalTimes.minutes(v.dueAt().toInstant());
        facts.add(new Fact("社区", v.communityName(), null));
        add(facts, "网格", c.gridName());
        if (c.isTicket()) {
            String item = c.ticket().itemName();
            facts.add(new Fact("事项", item == null ? "清单外事项" : item, null));
            facts.add(new Fact("承办部门", v.deptName() == null ? "待派单" : v.deptName(), null));
            // 大事不出镇: the joint-handling case the street raised the ticket into, and back from the case below
            String joint = c.ticket().jointCaseKey();
            if (joint != null) {
                facts.add(new Fact("已转联席汇办", joint, null, "/cases/" + joint));
            }
        } else {
            IssueCase issue = c.issue();
            add(facts, "类别", issue.category() == null ? null : IssueCategories.chineseName(issue.category()));
            facts.add(v.color() == null ? new Fact("评级", "待评级", null)
                    : new Fact("评级", CaseLabels.colorName(v.color()), tone(v.color())));
            add(facts, "办理层级", v.level() == null ? null : CaseLabels.levelName(v.level()));
            if (v.level() != null && v.level() <= 2) {
                // levels 1–2 are the community's own (grid workers with the secretary), whatever the category's dept
                add(facts, "牵头单位", v.communityName());
            } else {
                add(facts, "牵头部门", issue.leadDept() == null ? null : department(issue.leadDept()));
            }
            add(facts, "协办部门", String.join("、", issue.coDepts().stream().map(this::department).toList()));
            for (String ticket : tickets.raisedInto(v.businessKey())) {
                facts.add(new Fact("来源工单", ticket, null, "/cases/" + ticket));
            }
            if (issue.meetingAt() != null) {
                facts.add(new Fact("联席会议", LocalTimes.minutes(issue.meetingAt())
                        + (issue.meetingPlace() == null ? "" : "，" + issue.meetingPlace()), null));
            }
            List<IssueMerge> mergedHere = file.merges().stream().filter(m -> m.mainKey().equals(v.businessKey())).toList();
            if (!mergedHere.isEmpty()) {
                add(facts, "涉及社区", IssueMerge.communityNames(v.communityName(), mergedHere));
            }
            // issue 13: while the lead has not accepted, the clock runs to the acceptance deadline; an extension
            // shows the deadline it replaced
            IssueDeadlines.Reading reading = deadlines.of(issue.processInstanceId());
            if (reading.acceptBy() != null) {
                facts.add(new Fact("签收期限", LocalTimes.minutes(reading.acceptBy()) + "（待签收）", null));
                due = issue.dueAt() == null ? due : LocalTimes.minutes(issue.dueAt());
            }
            if (reading.originalDue() != null) {
                facts.add(new Fact("原办理期限", LocalTimes.minutes(reading.originalDue()), null));
                due += "（已延期）";
            }
            MeetingFunds.CaseFunds f = funds.ofCase(v.businessKey());
            if (!f.businessKeys().isEmpty()) {
                facts.add(new Fact("会商资金", "安排 " + yuan(f.requested()) + " 元，已使用 " + yuan(f.used()) + " 元（"
                        + String.join("、", f.businessKeys()) + "）", null));
            }
            // issue 14: the resident's own rating, when they gave one, is the case's satisfaction; the community's
            // 评价销号 score (代评, on the residents' behalf) otherwise
            if (issue.residentSatisfaction() != null) {
                facts.add(new Fact(IssueCase.RatedBy.RESIDENT.label(), satisfaction(issue, IssueCase.RatedBy.RESIDENT)
                        + (issue.residentComment() == null ? "" : "：" + issue.residentComment()), null));
            }
            if (issue.communitySatisfaction() != null) {
                facts.add(new Fact(IssueCase.RatedBy.PROXY.label(), satisfaction(issue, IssueCase.RatedBy.PROXY), null));
            }
        }
        facts.add(new Fact("办理期限", shelved(v) ? IssueStatus.OFF_THE_CLOCK : due, null));
        facts.add(light(v.timeLight(), c.endedAt() != null || "CLOSED".equals(v.status())));
        return new Page(v.businessKey(), v.title(), c.isTicket() ? "双联双促工单" : "五级三色联席汇办", v.description(),
                facts, v.events().stream().map(e -> new Line(LocalTimes.minutes(e.at().toInstant()), e.actorName(),
                e.actionLabel(), e.note())).toList(),
                v.attachments().stream().map(a -> new FileLine(a.id(), a.name(), size(a.size()),
                        FileType.stored(a.contentType()).filter(FileType::isPicture).isPresent())).toList(),
                v.merges(), Place.of(v.businessKey(), v.title(), c.location(), c.position()));
    }

    private static Row row(CaseView v) {
        boolean closed = "CLOSED".equals(v.status());
        Fact light = light(v.timeLight(), closed);
        return new Row(v.businessKey(), "ticket".equals(v.process()) ? "工单" : "联席汇办", v.title(),
                v.communityName(), v.statusLabel(), shelved(v) ? IssueStatus.OFF_THE_CLOCK
                        : v.dueAt() == null ? "—" : LocalTimes.minutes(v.dueAt().toInstant()),
                light.value(), light.tone());
    }

    /**
     * A case on 挂账 has no deadline while it waits for its review: the stopped clock still holds the last one, which
     * must not read as the date it is due.
     */
    private static boolean shelved(CaseView v) {
        return IssueStatus.SHELVED.label().equals(v.statusLabel());
    }

    private static Fact light(String code, boolean closed) {
        if (code == null) {
            return new Fact("时效", closed ? "已结束" : "未计时", null);
        }
        return new Fact("时效", TimeLight.valueOf(code).label(), tone(code));
    }

    /** The same three tones for the rating colour and the 时效灯. */
    private static String tone(String code) {
        return switch (code) {
            case "GREEN" -> "ok";
            case "YELLOW" -> "warn";
            case "RED" -> "bad";
            default -> null;
        };
    }

    private String department(String code) {
        return directory.department(code).map(Department::name).orElse(code);
    }

    /** A case's score by {@code by}, marked when it is the one the case's satisfaction counts. */
    private static String satisfaction(IssueCase issue, IssueCase.RatedBy by) {
        Integer score = by == IssueCase.RatedBy.RESIDENT ? issue.residentSatisfaction() : issue.communitySatisfaction();
        return score + " 分" + (issue.satisfactionBy() == by ? "（计入满意度）" : "");
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value, null));
        }
    }

    private static String yuan(java.math.BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
