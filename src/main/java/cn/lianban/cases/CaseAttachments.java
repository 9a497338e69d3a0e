package cn.lianban.cases;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;

/**
 * The files of a case (table case_attachment, Flyway V15): what is said about each here, their bytes in the
 * {@link AttachmentStore}. Who may read them is decided by the case, not here.
 */
@Repository
class CaseAttachments {

    private static final String COLUMNS = "id, name, content_type, size_bytes AS size";
    private static final byte[] IN_THE_STORE = new byte[0];

    private final JdbcClient jdbc;
    private final AttachmentStore store;

    public CaseAttachments(JdbcClient jdbc, AttachmentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public Attachment add(String businessKey, String name, FileType type, byte[] content, String uploadedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        // the row first, for the id the store keeps the bytes by
        jdbc.sql("INSERT INTO case_attachment(business_key, name, content_type, size_bytes, content, uploaded_by, "
                        + "uploaded_at) VALUES (?,?,?,?,?,?,?)")
                .params(businessKey, name, type.contentType(), (long) content.length, IN_THE_STORE, uploadedBy,
                        Timestamp.from(EngineClock.now().toInstant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        store.put(id, content);
        return new Attachment(id, name, type.contentType(), content.length);
    }

    public List<Attachment> of(String businessKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment WHERE business_key = ? ORDER BY id")
                .param(businessKey).query(Attachment.class).list();
    }

    /** The attachments of several cases at once, by business key (cases without any are left out). */
    public Map<String, List<Attachment>> of(Collection<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return jdbc.sql("SELECT business_key, " + COLUMNS + " FROM case_attachment WHERE business_key IN ("
                        + SqlIn.marks(businessKeys) + ") ORDER BY id")
                .params(List.copyOf(businessKeys)).query(Owned.class).list().stream()
                .collect(Collectors.groupingBy(Owned::businessKey, LinkedHashMap::new,
                        Collectors.mapping(Owned::attachment, Collectors.toList())));
    }

    /** The business key an attachment belongs to, without reading its content. */
    public Optional<String> caseOf(long id) {
        return jdbc.sql("SELECT business_key FROM case_attachment WHERE id = ?").param(id).query(String.class)
                .optional();
    }

    public Optional<StoredFile> file(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment WHERE id = ?").param(id)
                .query(Attachment.class).optional()
                .flatMap(a -> store.get(id).map(content -> new StoredFile(a, content)));
    }

    private record Owned(String businessKey, long id, String name, String contentType, long size) {

        Attachment attachment() {
            return new Attachment(id, name, contentType, size);
        }
    }

    /** What the contract shows of an attachment. */
    public record Attachment(long id, String name, String contentType, long size) {
    }

    public record StoredFile(Attachment attachment, byte[] content) {
    }
}
