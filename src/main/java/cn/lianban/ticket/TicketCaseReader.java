package cn.lianban.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tickets as table ticket_case holds them, for the modules that show tickets (the case page, 我的事项, Open311);
 * they read the table only through this.
 */
@Service
public class TicketCaseReader {

    /** Keys per query: a page of 我的事项 or of Open311 requests stays far below what a database takes in IN (…). */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    TicketCaseReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TicketCase> find(String businessKey) {
        return Optional.ofNullable(byKeys(List.of(businessKey)).get(businessKey));
    }

    /** The tickets of these business keys by key; a key without a ticket is left out. */
    public Map<String, TicketCase> byKeys(Collection<String> businessKeys) {
        List<String> keys = new ArrayList<>(businessKeys);
        Map<String, TicketCase> tickets = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            jdbc.sql("SELECT * FROM ticket_case WHERE business_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .query(TicketCase.class).list().forEach(t -> tickets.put(t.businessKey(), t));
        }
        return tickets;
    }
}
