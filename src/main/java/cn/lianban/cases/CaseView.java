package cn.lianban.cases;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A case or ticket as the contract ("One case, one page") shows it. {@code color} and {@code level} are the
 * case's, {@code deptCode}/{@code deptName} the ticket's; the other process leaves them null. A list of cases
 * leaves out {@code events}.
 */
record CaseView(String businessKey, String process, String title, String description, String communityCode,
                       String communityName, String status, String statusLabel, String color, Integer level,
                       String deptCode, String deptName, OffsetDateTime dueAt, String timeLight,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<CaseStory.Event> events,
                       List<CaseAttachments.Attachment> attachments) {
}
