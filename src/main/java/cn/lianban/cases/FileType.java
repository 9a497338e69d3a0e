package cn.lianban.cases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a case takes, told by their first bytes and, for Office files, by the parts inside the zip:
 * a name or a declared type proves nothing (a renamed .exe stays an .exe).
 */
enum FileType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The type a stored attachment was given at upload, by its content type. */
    static Optional<FileType> stored(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    boolean isPicture() {
        return this == JPEG || this == PNG || this == WEBP;
    }

    /** The type of {@code content}, or empty when it is none of the accepted ones. */
    public static Optional<FileType> of(byte[] content) {
        if (startsWith(content, 0, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(content, 0, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, ZIP_SIGNATURE)) {
            return office(content);
        }
        return Optional.empty();
    }

    /** A Word document has word/document.xml, a workbook xl/workbook.xml; any other zip is refused. */
    private static Optional<FileType> office(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                switch (entry.getName()) {
                    case "word/document.xml" -> {
                        return Optional.of(DOCX);
                    }
                    case "xl/workbook.xml" -> {
                        return Optional.of(XLSX);
                    }
                    default -> { }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // a damaged zip is not an Office file
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
