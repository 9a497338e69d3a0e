package cn.lianban.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trail of the directory (V75): every change of a unit or a person, by an admin page or an import, with who,
 * when, what, before and after, in the Chinese words the page shows; each page shows its own as 变更记录.
 */
@Component
class DirectoryChanges {

    /** The subject type of a person; units use their {@link UnitType} name. */
    static final String PERSON = "PERSON";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    DirectoryChanges(JdbcTemplate jdbc, Directory directory, Clock clock) {
        this.jdbc = JdbcClient.create(jdbc);
        this.directory = directory;
        this.clock = clock;
    }

    /** One line of the trail as a page shows it: the date in Chinese, the author's name. */
    record Change(String when, String who, String what, String before, String after) {
    }

    /** Records a change of one field; nothing when the value stayed the same. */
    void record(String subjectType, String subjectCode, String who, String what, String before, String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        jdbc.sql("INSERT INTO directory_change(subject_type, subject_code, changed_at, changed_by, what, before_value, "
                        + "after_value) VALUES (?,?,?,?,?,?,?)")
                .params(subjectType, subjectCode, Timestamp.from(clock.instant()), who, what, cut(before), cut(after))
                .update();
    }

    /** The trail of one unit or person, newest first. */
    List<Change> of(String subjectType, String subjectCode) {
        return jdbc.sql("SELECT d.changed_at, d.changed_by, p.name, d.what, d.before_value, d.after_value "
                        + "FROM directory_change d LEFT JOIN person p ON p.login = d.changed_by "
                        + "WHERE d.subject_type = ? AND d.subject_code = ? ORDER BY d.id DESC")
                .params(subjectType, subjectCode)
                .query((rs, i) -> new Change(WHEN.format(rs.getTimestamp(1).toInstant()),
                        rs.getString(3) != null ? rs.getString(3) : rs.getString(2), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A unit as the trail names it: its name and the unit above it, e.g. 测试社区，所属片区「测试片区」. */
    String describe(DirectoryWorkbook.UnitRow u) {
        UnitType parent = u.type().parent();
        return parent == null || u.parent() == null ? u.name()
                : u.name() + "，所属" + DirectoryWorkbook.SHEETS.get(parent) + "「" + unitName(parent, u.parent()) + "」";
    }

    /** A person as the trail names them: name, role, unit, and whether deactivated. */
    String describe(DirectoryImport.Member m) {
        StringBuilder s = new StringBuilder(m.name()).append("，").append(Roles.chineseName(m.role()));
        if (m.unitType() != null) {
            s.append("，").append(unitName(m.unitType(), m.unitCode()));
        }
        return m.active() ? s.toString() : s.append("，已停用").toString();
    }

    /** A unit's name, or its code when it has none (yet). */
    String unitName(UnitType type, String code) {
        return directory.name(type, code).orElse(code);
    }

    private static String cut(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 499) + "…";
    }
}
