package cn.lianban.open311;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The api_keys of outside apps allowed to post service requests (table open311_key). */
@Repository
class Open311Keys {

    static final String DEMO_KEY = "demo-key";

    private final JdbcTemplate jdbc;

    Open311Keys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isActive(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return false;
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM open311_key WHERE api_key = ? AND active = TRUE",
                Integer.class, apiKey) > 0;
    }

    /** Adds a key unless it exists (an existing key keeps its name and active flag). */
    void addIfMissing(String apiKey, String name) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM open311_key WHERE api_key = ?", Integer.class, apiKey);
        if (rows == 0) {
            jdbc.update("INSERT INTO open311_key(api_key, name, active) VALUES (?, ?, TRUE)", apiKey, name);
        }
    }
}
