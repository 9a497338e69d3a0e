package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.CaseLog;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/**
 * 并案: merges the similar cases the committee chose into the case it rates. Each merged case is recorded (table
 * issue_merge), ended by the message {@value #MESSAGE} (its event subprocess ends it as 已并案, its tasks gone) and
 * its community may see the main case and evaluates it. The main case's trail names every merged case, each merged
 * case's the main one.
 */
@Service
class IssueMerges {

    static final String MESSAGE = "issueMerged";
    /** The main case's audit action for each case merged into it; the merged case's is {@link #MERGED_INTO}. */
    static final String MERGED = "MERGED";
    static final String MERGED_INTO = "MERGED_INTO";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final CaseAccess access;
    private final CaseLog log;
    private final Directory directory;
    private final Clock clock;

    IssueMerges(JdbcClient jdbc, RuntimeService runtime, CaseAccess access, CaseLog log, Directory directory,
                Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    /** What the main case is after merging: every case merged into it and its communities, its own first. */
    record Merged(List<String> mergedKeys, List<String> communityCodes, List<String> communityNames) {
    }

    /**
     * Merges {@code chosen} into the main case, which has merged {@code before} already and whose communities are
     * {@code communities} (its own first).
     */
    Merged merge(String mainKey, String mainInstanceId, List<SimilarCases.Similar> chosen, List<String> before,
                 List<String> communities) {
        List<String> keys = new ArrayList<>(before);
        Set<String> codes = new LinkedHashSet<>(communities);
        for (SimilarCases.Similar s : chosen) {
            jdbc.sql("INSERT INTO issue_merge (merged_key, main_key, community_code, merged_at) VALUES (?, ?, ?, ?)")
                    .params(s.businessKey(), mainKey, s.communityCode(), Timestamp.from(clock.instant())).update();
            runtime.createMessageCorrelation(MESSAGE).processInstanceId(s.processInstanceId())
                    .setVariables(IssueVariables.mergedIntoMessage(mainKey)).correlate();
            log.record(mainKey, mainInstanceId, MERGED, s.businessKey() + "（" + s.communityName() + "）：" + s.title());
            keys.add(s.businessKey());
            codes.add(s.communityCode());
        }
        access.open(mainInstanceId, codes.stream().map(UnitType.COMMUNITY::group).toList());
        return new Merged(keys, List.copyOf(codes), codes.stream()
                .map(c -> directory.community(c).map(Community::name).orElse(c)).toList());
    }

    /** The merged case's own record, when its message has ended it. */
    void recordMergedInto(String mergedKey, String instanceId, String mainKey) {
        log.record(mergedKey, instanceId, MERGED_INTO, "已并入 " + mainKey + "，由该案统一办理、各社区分别评价");
    }
}
