package cn.lianban.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/** The texts queued for a resident about one case or ticket, and the rating link in them. */
final class ResidentTexts {

    static final Pattern LINK = Pattern.compile("/rate/([A-Z0-9]{24})");

    private ResidentTexts() {
    }

    static List<Map<String, Object>> texts(JdbcTemplate jdbc, String key) {
        return jdbc.queryForList("SELECT phone, body, kind FROM sms_outbox WHERE business_key = ? ORDER BY id", key);
    }

    /** The token of the rating link a text carries; fails when it carries none. */
    static String token(Map<String, Object> sms) {
        Matcher m = LINK.matcher((String) sms.get("BODY"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
