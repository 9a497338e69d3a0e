package cn.lianban.common;

import java.time.Instant;

/**
 * Published by {@link CaseLog} after it appended an audit entry, synchronously and in the same transaction, so
 * figures kept beside the trail (the 三率's monthly counts) change with it or not at all.
 */
public record CaseEventRecorded(String businessKey, Instant occurredAt, String action, String deptCode,
                                String communityCode, String streetCode, Boolean onTime, Integer score,
                                Instant dueAt) {
}
