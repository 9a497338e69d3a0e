package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** A file's type comes from its bytes: the name a browser sends is not asked. */
class FileTypeTest {

    @Test
    void picturesAndPdfByTheirSignature() {
        assertThat(FileType.of(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).contains(FileType.JPEG);
        assertThat(FileType.of(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(FileType.PNG);
        assertThat(FileType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(FileType.WEBP);
        assertThat(FileType.of("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
    }

    @Test
    void officeFilesByThePartsInsideTheZip() throws IOException {
        assertThat(FileType.of(zip("word/document.xml"))).contains(FileType.DOCX);
        assertThat(FileType.of(zip("xl/workbook.xml"))).contains(FileType.XLSX);
        assertThat(FileType.of(zip("ppt/presentation.xml"))).isEmpty();
        assertThat(FileType.of(zip("readme.txt"))).isEmpty();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(FileType.of(new byte[0])).isEmpty();
        assertThat(FileType.of(new byte[]{'M', 'Z', 0x50, 0})).isEmpty();
        assertThat(FileType.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.of(new byte[]{'P', 'K', 3, 4, 1, 2, 3})).as("a broken zip").isEmpty();
        assertThat(FileType.of(new byte[]{(byte) 0x89, 'P', 'N'})).as("cut short").isEmpty();
    }

    private static byte[] zip(String part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
