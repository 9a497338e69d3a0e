package cn.lianban.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The two halves of an import page around a workbook: downloading a file, and a checked upload waiting in the
 * person's own session under a random token until they confirm it (the last upload only: a newer upload or another
 * tab's report replaces it).
 */
public final class Uploads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Writes a file's bytes. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** A checked upload waiting for 确认导入; the token ties it to the report shown. */
    private record Waiting(String token, byte[] file) implements Serializable {
    }

    private Uploads() {
    }

    /** Sends an Excel file as a download with its Chinese name. */
    public static void download(HttpServletResponse response, String name, Body body) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        body.write(response.getOutputStream());
    }

    /** Keeps a checked upload under {@code key} until it is confirmed. @return the token the confirm form sends */
    public static String hold(HttpSession session, String key, byte[] file) {
        String token = UUID.randomUUID().toString();
        session.setAttribute(key, new Waiting(token, file));
        return token;
    }

    /** The upload waiting under {@code key} with this token, taken out of the session; empty when none is. */
    public static Optional<byte[]> take(HttpSession session, String key, String token) {
        Object waiting = session.getAttribute(key);
        session.removeAttribute(key);
        return waiting instanceof Waiting w && w.token().equals(token) ? Optional.of(w.file()) : Optional.empty();
    }
}
