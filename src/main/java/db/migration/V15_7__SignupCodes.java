package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import cn.lianban.common.RandomCode;

/**
 * 报名号: each sign-up gets a random code that, with the phone, cancels it (a phone number alone no longer does).
 * Sign-ups made before get theirs here; written in Java because H2 and PostgreSQL share no SQL for secure random
 * text.
 */
public class V15_7__SignupCodes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE signup ADD COLUMN code VARCHAR(16)");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("SELECT id FROM signup")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        Set<String> given = new HashSet<>();
        try (PreparedStatement update = db.prepareStatement("UPDATE signup SET code = ? WHERE id = ?")) {
            for (long id : ids) {
                String code;
                do {
                    code = RandomCode.of("S-", 8);
                } while (!given.add(code));
                update.setString(1, code);
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE signup ALTER COLUMN code SET NOT NULL");
            ddl.execute("ALTER TABLE signup ADD CONSTRAINT signup_code UNIQUE (code)");
        }
    }
}
