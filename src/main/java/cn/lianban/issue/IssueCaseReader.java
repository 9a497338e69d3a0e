package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;

/**
 * Joint-handling cases as table issue_summary holds them, for the modules that show cases (the case page,
 * 我的事项); they read a case's business data only through this.
 */
@Service
public class IssueCaseReader {

    private static final String MERGES = "SELECT m.merged_key, m.main_key, m.community_code, c.name AS community_name, "
            + "m.merged_at FROM issue_merge m LEFT JOIN community c ON c.code = m.community_code ";

    private final JdbcClient jdbc;

    IssueCaseReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IssueCase> find(String businessKey) {
        return Optional.ofNullable(byKeys(List.of(businessKey)).get(businessKey));
    }

    /** The cases of these business keys by key; a key without a case is left out. */
    public Map<String, IssueCase> byKeys(Collection<String> businessKeys) {
        return SqlIn.inChunks(businessKeys, keys -> jdbc
                        .sql("SELECT * FROM issue_summary WHERE business_key IN (:keys)").param("keys", keys).query(IssueCase.class).list()).stream()
                .collect(Collectors.toMap(IssueCase::businessKey, c -> c));
    }

    /** 区域共性问题: the merges a case took part in, as the main case or as the case merged; oldest first. */
    public List<IssueMerge> merges(String businessKey) {
        return jdbc.sql(MERGES + "WHERE m.main_key = :key OR m.merged_key = :key ORDER BY m.merged_at, m.merged_key")
                .param("key", businessKey).query(IssueMerge.class).list();
    }

    /**
     * The communities of every case merged together with this one (the main case's and those merged into it), which
     * all may see each of these cases; empty for a case that took part in no merge.
     */
    public Set<String> mergedCommunities(String businessKey) {
        String main = jdbc.sql("SELECT main_key FROM issue_merge WHERE merged_key = ?").param(businessKey)
                .query(String.class).optional().orElse(businessKey);
        Set<String> codes = new LinkedHashSet<>(jdbc.sql("SELECT community_code FROM issue_merge WHERE main_key = ?")
                .param(main).query(String.class).list());
        if (!codes.isEmpty()) {
            find(main).ifPresent(c -> codes.add(c.communityCode()));
        }
        return codes;
    }

    /** The cases merged into the main cases {@code mainKeys}, by main case; a case without merges is left out. */
    public Map<String, List<IssueMerge>> mergedInto(Collection<String> mainKeys) {
        return SqlIn.inChunks(mainKeys, keys -> jdbc.sql(MERGES + "WHERE m.main_key IN (:keys) ORDER BY m.merged_at, "
                        + "m.merged_key").param("keys", keys).query(IssueMerge.class).list()).stream()
                .collect(Collectors.groupingBy(IssueMerge::mainKey));
    }

    /**
     * The cases merged into main cases filed in {@code [from, to)}, by main case (the dashboard lists the
     * communities of a merged case); a case without merges is left out.
     */
    public Map<String, List<IssueMerge>> mergedIntoCasesFiled(Instant from, Instant to) {
        return jdbc.sql(MERGES + "JOIN issue_summary s ON s.business_key = m.main_key WHERE s.filed_at >= ? "
                        + "AND s.filed_at < ? ORDER BY m.merged_at, m.merged_key")
                .params(Timestamp.from(from), Timestamp.from(to)).query(IssueMerge.class).list().stream()
                .collect(Collectors.groupingBy(IssueMerge::mainKey));
    }

    /** The process instances of the cases that candidate group {@code group} handles now. */
    public Set<String> handledBy(String group) {
        return jdbc.sql("SELECT process_instance_id FROM issue_summary WHERE handle_group = ?").param(group)
                .query(String.class).set();
    }
}
