package cn.lianban.cases;

import java.util.Optional;

/**
 * Where the bytes of an attachment are kept, by the id of its {@code case_attachment} row (which keeps its case,
 * name, type, size and who uploaded it, whatever the store). One implementation, {@link DatabaseAttachmentStore},
 * on H2 and PostgreSQL alike; an object store (S3-compatible) would be a second one behind this seam, choosing by
 * a property, with its row's {@code content} left empty.
 */
interface AttachmentStore {

    /** Keeps {@code content} for the attachment {@code id}, in the caller's transaction where the store has one. */
    void put(long id, byte[] content);

    /** The bytes kept for the attachment {@code id}; empty when there is none. */
    Optional<byte[]> get(long id);
}
