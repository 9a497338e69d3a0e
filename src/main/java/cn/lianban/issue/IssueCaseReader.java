package cn.lianban.issue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Joint-handling cases as table issue_summary holds them, for the modules that show cases (the case page,
 * 我的事项); they read a case's business data only through this.
 */
@Service
public class IssueCaseReader {

    /** Keys per query: a page of 我的事项 stays far below what a database takes in IN (…). */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    IssueCaseReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IssueCase> find(String businessKey) {
        return Optional.ofNullable(byKeys(List.of(businessKey)).get(businessKey));
    }

    /** The cases of these business keys by key; a key without a case is left out. */
    public Map<String, IssueCase> byKeys(Collection<String> businessKeys) {
        List<String> keys = new ArrayList<>(businessKeys);
        Map<String, IssueCase> cases = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            jdbc.sql("SELECT * FROM issue_summary WHERE business_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .query(IssueCase.class).list().forEach(c -> cases.put(c.businessKey(), c));
        }
        return cases;
    }

    /** The process instances of the cases that candidate group {@code group} handles now. */
    public Set<String> handledBy(String group) {
        return jdbc.sql("SELECT process_instance_id FROM issue_summary WHERE handle_group = ?").param(group)
                .query(String.class).set();
    }
}
