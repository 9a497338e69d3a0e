package cn.lianban.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Downloading a workbook: the template or the current data of an import page. */
public final class Downloads {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Writes a file's bytes. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {
    }

    /** Sends an Excel file as a download with its Chinese name. */
    public static void download(HttpServletResponse response, String name, Body body) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        body.write(response.getOutputStream());
    }
}
