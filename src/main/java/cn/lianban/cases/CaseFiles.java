package cn.lianban.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;
import cn.lianban.common.Position;
import cn.lianban.directory.Community;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.issue.IssueCaseReader;
import cn.lianban.issue.IssueMerge;
import cn.lianban.issue.IssueStatus;
import cn.lianban.ticket.TicketStatus;

/**
 * Cases and tickets as the case page and 我的事项 show them, only to whoever may see them
 * ({@link CaseVisibility}); for anyone else a case does not exist.
 */
@Service
class CaseFiles {

    /** A page of 我的事项 holds at most this many cases. */
    static final int MAX_PAGE_SIZE = 200;
    private static final int TITLE_FROM_DESCRIPTION = 20;

    private final CaseHistory history;
    private final CaseVisibility visibility;
    private final CaseStory story;
    private final CaseClocks clocks;
    private final CaseAttachments attachments;
    private final Directory directory;
    private final IssueCaseReader issueCases;

    CaseFiles(CaseHistory history, CaseVisibility visibility, CaseStory story, CaseClocks clocks,
              CaseAttachments attachments, Directory directory, IssueCaseReader issueCases) {
        this.issueCases = issueCases;
        this.history = history;
        this.visibility = visibility;
        this.story = story;
        this.clocks = clocks;
        this.attachments = attachments;
        this.directory = directory;
    }

    /**
     * A case with what Camunda knows of it and how the contract shows it; {@code merges} are its 区域共性问题
     * rows (cases merged into it, or the one it was merged into).
     */
    record CaseFile(CaseFacts facts, CaseView view, List<IssueMerge> merges) {
    }

    /** The case the user may see, with its story; empty when there is none or it is not theirs to see. */
    Optional<CaseFile> find(String businessKey, Authentication user) {
        return visible(businessKey, user).map(c -> {
            List<IssueMerge> merges = c.isTicket() ? List.of() : issueCases.merges(c.businessKey());
            return new CaseFile(c, view(c, clocks.read(List.of(c)).get(c.businessKey()), story.of(c),
                    attachments.of(c.businessKey()), merges.stream().map(m -> link(m, c.businessKey())).toList()),
                    merges);
        });
    }

    /** A case merged into the one shown (并入本案), or the one the case shown was merged into (已并入). */
    private static CaseView.MergeLink link(IssueMerge m, String shown) {
        return m.mainKey().equals(shown) ? new CaseView.MergeLink("并入本案", m.mergedKey(), m.communityName())
                : new CaseView.MergeLink("已并入", m.mainKey(), null);
    }

    Optional<CaseFacts> visible(String businessKey, Authentication user) {
        return history.find(businessKey).filter(c -> visibility.maySee(user, c));
    }

    /** 我的事项: one page (from 1) of the cases and tickets the user may see, newest first, without their stories. */
    List<CaseView> mine(Authentication user, int page, int size) {
        int first = (page - 1) * size;
        return views(visibility.citywide(user) ? history.newest(first, size)
                : history.cases(visibility.page(user, first, size)));
    }

    /** 本人上报 (the phone page's list): one page (from 1) of the cases and tickets the user filed, newest first. */
    List<CaseView> raised(Authentication user, int page, int size) {
        return views(history.startedBy(user.getName(), (page - 1) * size, size));
    }

    private List<CaseView> views(List<CaseFacts> cases) {
        Map<String, CaseClocks.Reading> readings = clocks.read(cases);
        Map<String, List<CaseAttachments.Attachment>> files = attachments.of(cases.stream()
                .map(CaseFacts::businessKey).toList());
        return cases.stream().map(c -> view(c, readings.get(c.businessKey()), null,
                files.getOrDefault(c.businessKey(), List.of()), null)).toList();
    }

    private CaseView view(CaseFacts c, CaseClocks.Reading clock, List<CaseStory.Event> events,
                          List<CaseAttachments.Attachment> files, List<CaseView.MergeLink> merges) {
        String status = c.status();
        String dept = c.isTicket() ? c.ticket().deptCode() : null;
        Position where = c.position();
        return new CaseView(c.businessKey(), c.process(), title(c), c.description(), c.communityCode(),
                communityName(c), status, statusLabel(c, status), c.isTicket() ? null : c.issue().color(),
                c.isTicket() ? null : c.issue().level(), dept, dept == null ? null : deptName(c, dept),
                offset(clock.due()), clock.light() == null ? null : clock.light().name(), events, files, merges,
                where == null ? null : where.lat(), where == null ? null : where.lon());
    }

    /** A ticket has no title: its item of the responsibility list, or the start of its description. */
    private static String title(CaseFacts c) {
        if (!c.isTicket()) {
            return c.issue().title();
        }
        String item = c.ticket().itemName();
        String description = c.description();
        if (item != null || description == null) {
            return item;
        }
        return description.length() <= TITLE_FROM_DESCRIPTION ? description
                : description.substring(0, TITLE_FROM_DESCRIPTION) + "…";
    }

    private String communityName(CaseFacts c) {
        String name = c.communityName();
        String code = c.communityCode();
        return name != null || code == null ? name : directory.community(code).map(Community::name).orElse(code);
    }

    /** A ticket's label follows from its status; a case keeps its own, worked out for cases filed before it did. */
    private static String statusLabel(CaseFacts c, String status) {
        if (c.isTicket()) {
            return status == null ? null : TicketStatus.valueOf(status).label();
        }
        String label = c.issue().statusLabel();
        return label != null || status == null ? label : IssueStatus.chineseName(status);
    }

    private String deptName(CaseFacts c, String dept) {
        String name = c.ticket().deptName();
        return name != null ? name : directory.department(dept).map(Department::name).orElse(dept);
    }

    private static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atZone(EngineClock.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
    }
}
