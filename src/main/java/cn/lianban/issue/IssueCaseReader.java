package cn.lianban.issue;

import java.util.Collection;
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

    /** The process instances of the cases that candidate group {@code group} handles now. */
    public Set<String> handledBy(String group) {
        return jdbc.sql("SELECT process_instance_id FROM issue_summary WHERE handle_group = ?").param(group)
                .query(String.class).set();
    }
}
