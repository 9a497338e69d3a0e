package cn.lianban.cases;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;

/** The files of a case (table case_attachment, Flyway V15). Who may read them is decided by the case, not here. */
@Repository
class CaseAttachments {

    private static final String COLUMNS = "id, business_key, name, content_type, size_bytes";
    private static final RowMapper<Attachment> ATTACHMENT = (rs, i) -> new Attachment(rs.getLong("id"),
            rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"));

    private final JdbcTemplate jdbc;

    public CaseAttachments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Attachment add(String businessKey, String name, FileType type, byte[] content, String uploadedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO case_attachment(business_key, name, content_type, size_bytes, "
                    + "content, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?)", new String[]{"id"});
            s.setString(1, businessKey);
            s.setString(2, name);
            s.setString(3, type.contentType());
            s.setLong(4, content.length);
            s.setBytes(5, content);
            s.setString(6, uploadedBy);
            s.setTimestamp(7, Timestamp.from(EngineClock.now().toInstant()));
            return s;
        }, key);
        return new Attachment(key.getKey().longValue(), name, type.contentType(), content.length);
    }

    public List<Attachment> of(String businessKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM case_attachment WHERE business_key = ? ORDER BY id",
                ATTACHMENT, businessKey);
    }

    /** The attachments of several cases at once, by business key (cases without any are left out). */
    public Map<String, List<Attachment>> of(Collection<String> businessKeys) {
        Map<String, List<Attachment>> byCase = new LinkedHashMap<>();
        if (businessKeys.isEmpty()) {
            return byCase;
        }
        jdbc.query("SELECT " + COLUMNS + " FROM case_attachment WHERE business_key IN (" + SqlIn.marks(businessKeys)
                + ") ORDER BY id", rs -> {
                    byCase.computeIfAbsent(rs.getString("business_key"), k -> new ArrayList<>())
                            .add(ATTACHMENT.mapRow(rs, 0));
                }, businessKeys.toArray());
        return byCase;
    }

    /** The business key an attachment belongs to, without reading its content. */
    public Optional<String> caseOf(long id) {
        return jdbc.queryForList("SELECT business_key FROM case_attachment WHERE id = ?", String.class, id).stream()
                .findFirst();
    }

    public Optional<StoredFile> file(long id) {
        return jdbc.query("SELECT " + COLUMNS + ", content FROM case_attachment WHERE id = ?",
                (rs, i) -> new StoredFile(ATTACHMENT.mapRow(rs, i), rs.getBytes("content")), id).stream().findFirst();
    }

    /** What the contract shows of an attachment. */
    public record Attachment(long id, String name, String contentType, long size) {
    }

    public record StoredFile(Attachment attachment, byte[] content) {
    }
}
