package cn.lianban.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/**
 * The units behind mail addresses: a unit's own mailbox (department, street, area, community, paired agency) names
 * the unit; a person's address names the unit they act for, or their role (city center, deputies).
 */
@Service
class MailRecipients {

    private static final String UNIT_MAILBOXES = "SELECT email, name FROM department WHERE email IN (%1$s)"
            + " UNION ALL SELECT email, name FROM street WHERE email IN (%1$s)"
            + " UNION ALL SELECT email, name || '联合党委' FROM area WHERE email IN (%1$s)"
            + " UNION ALL SELECT email, name FROM community WHERE email IN (%1$s)"
            + " UNION ALL SELECT email, name FROM agency WHERE email IN (%1$s)";

    private final JdbcTemplate jdbc;
    private final Directory directory;

    MailRecipients(JdbcTemplate jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Address → unit name for the addresses that belong to a unit or a person. */
    Map<String, String> units(Collection<String> addresses) {
        Map<String, String> units = new HashMap<>();
        if (addresses.isEmpty()) {
            return units;
        }
        String marks = SqlIn.marks(addresses);
        jdbc.query("SELECT email, role, unit_type, unit_code FROM person WHERE email IN (" + marks + ")", rs -> {
            String type = rs.getString("unit_type");
            units.put(rs.getString("email"), type == null ? Roles.chineseName(rs.getString("role"))
                    : directory.unitName(UnitType.valueOf(type).group(rs.getString("unit_code"))));
        }, addresses.toArray());
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            args.addAll(addresses);
        }
        jdbc.query(UNIT_MAILBOXES.formatted(marks), rs -> {
            units.put(rs.getString(1), rs.getString(2));
        }, args.toArray());
        return units;
    }
}
