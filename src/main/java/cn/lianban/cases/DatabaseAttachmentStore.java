package cn.lianban.cases;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bytes in the {@code content} column of the attachment's own row (BYTEA on PostgreSQL, which keeps large
 * values out of line in its TOAST table; a binary column on H2): one backup holds a case and its photos together.
 */
@Repository
class DatabaseAttachmentStore implements AttachmentStore {

    private final JdbcClient jdbc;

    DatabaseAttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(long id, byte[] content) {
        jdbc.sql("UPDATE case_attachment SET content = ? WHERE id = ?").params(content, id).update();
    }

    @Override
    public Optional<byte[]> get(long id) {
        return jdbc.sql("SELECT content FROM case_attachment WHERE id = ?").param(id).query(byte[].class).optional();
    }
}
