package cn.lianban.cases;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A case or ticket as the contract ("One case, one page") shows it. {@code color} and {@code level} are the
 * case's, {@code deptCode}/{@code deptName} the ticket's; the other process leaves them null. A list of cases
 * leaves out {@code events} and {@code merges}; {@code merges} is empty for a ticket and a case merged with none.
 * {@code lat}/{@code lon} are the filing's position in WGS-84 degrees, both left out when it gave none.
 */
record CaseView(String businessKey, String process, String title, String description, String communityCode,
                       String communityName, String status, String statusLabel, String color, Integer level,
                       String deptCode, String deptName, OffsetDateTime dueAt, String timeLight,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<CaseStory.Event> events,
                       List<CaseAttachments.Attachment> attachments,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<MergeLink> merges,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double lat,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double lon) {

    /**
     * 区域共性问题: a case merged into this one (并入本案, with its community), or the case this one was merged into
     * (已并入), with its key to link to; the case page shows the same links.
     */
    record MergeLink(String label, String businessKey, String communityName) {
    }
}
