package cn.lianban.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.lianban.common.CaseLog;

/**
 * A ticket as the resident who reported it may see it (the public status page): shown only to whoever gives the
 * last four digits of the reporterPhone. Its steps are the audit trail's entries in fixed words for residents,
 * never the entries' text (names, reasons, notes); the department's result is the one text shown.
 */
@Service
public class TicketProgress {

    /** The steps a resident sees, in their words; every other entry of the trail is internal. */
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("RAISED", "问题已登记受理"),
            Map.entry("DISPATCHED", "已派单至承办部门"),
            Map.entry("ACCEPT_TIMEOUT", "承办部门未按时接单，街道重新派单"),
            Map.entry("RETURNED", "承办部门退回，街道重新派单"),
            Map.entry("IMPOSED", "街道指定承办部门办理"),
            Map.entry("ACCEPTED", "承办部门已接单"),
            Map.entry("OVERDUE", "已超过办理期限，督促办理"),
            Map.entry("RESOLVED", "承办部门办理完毕"),
            Map.entry("REOPENED", "社区确认未解决，重新办理"),
            Map.entry("NOT_SOLVED_AGAIN", "交街道研判处置"),
            Map.entry("LONG_OVERDUE", "交街道研判处置"),
            Map.entry("STREET_CLOSED", "街道裁定办结"),
            Map.entry("RAISED_TO_CASE", "转街道联席会商办理"),
            Map.entry("RESIDENT_RATED", "您已评价"),
            Map.entry("CLOSED", "已办结"));

    private final TicketCaseReader cases;
    private final CaseLog log;

    TicketProgress(TicketCaseReader cases, CaseLog log) {
        this.cases = cases;
        this.log = log;
    }

    /**
     * The ticket if {@code last4} are the last four digits of its reporter's mobile; empty for an unknown key, a
     * ticket raised without a phone and wrong digits alike, so the answer tells nobody that a ticket exists.
     */
    public Optional<Progress> forResident(String businessKey, String last4) {
        if (businessKey == null || last4 == null || !last4.matches("\\d{4}")) {
            return Optional.empty();
        }
        return cases.find(businessKey).filter(c -> c.reporterPhoneLast4() != null && MessageDigest.isEqual(
                        c.reporterPhoneLast4().getBytes(StandardCharsets.US_ASCII),
                        last4.getBytes(StandardCharsets.US_ASCII)))
                .map(this::progress);
    }

    private Progress progress(TicketCase c) {
        List<Step> steps = log.events(c.businessKey()).stream().filter(e -> STEPS.containsKey(e.action()))
                .map(e -> new Step(STEPS.get(e.action()), e.at())).toList();
        TicketStatus status = TicketStatus.valueOf(c.status());
        // a result the community sent back (重新办理) is no longer the result: shown only once it stands
        String result = c.resolvedAt() != null || status.ended() ? c.result() : null;
        return new Progress(c.businessKey(), c.itemName(), status.label(), status.ended(), c.deptName(),
                status == TicketStatus.ACCEPTING ? c.acceptBy() : null, c.resolveBy(), result, c.closedAt(),
                c.satisfactionBy() == TicketCase.RatedBy.RESIDENT ? c.satisfaction() : null, steps);
    }

    /**
     * @param acceptBy         the department's limit to accept, while it has not
     * @param resolveBy        the limit to resolve, once a department accepted it
     * @param result           the department's result, once it stands
     * @param residentScore    the resident's own rating, when they gave one
     */
    public record Progress(String businessKey, String itemName, String statusLabel, boolean ended, String deptName,
                           Instant acceptBy, Instant resolveBy, String result, Instant closedAt,
                           Integer residentScore, List<Step> steps) {
    }

    public record Step(String label, Instant at) {
    }
}
