package cn.lianban.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;

/**
 * Tickets as table ticket_case holds them, for the modules that show tickets (the case page, 我的事项, Open311);
 * they read the table only through this.
 */
@Service
public class TicketCaseReader {

    private final JdbcClient jdbc;

    TicketCaseReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TicketCase> find(String businessKey) {
        return Optional.ofNullable(byKeys(List.of(businessKey)).get(businessKey));
    }

    /** The tickets the street raised into the joint-handling case {@code jointCaseKey} (大事不出镇), by key. */
    public List<String> raisedInto(String jointCaseKey) {
        return jdbc.sql("SELECT business_key FROM ticket_case WHERE joint_case_key = ? ORDER BY business_key")
                .param(jointCaseKey).query(String.class).list();
    }

    /** The tickets of these business keys by key; a key without a ticket is left out. */
    public Map<String, TicketCase> byKeys(Collection<String> businessKeys) {
        return SqlIn.inChunks(businessKeys, keys -> jdbc.sql("SELECT * FROM ticket_case WHERE business_key IN (:keys)")
                        .param("keys", keys).query(TicketCase.class).list()).stream()
                .collect(Collectors.toMap(TicketCase::businessKey, c -> c));
    }
}
