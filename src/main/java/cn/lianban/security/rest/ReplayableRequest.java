package cn.lianban.security.rest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a guard may read before Camunda does: once read, the body is kept and handed to Camunda
 * again. Bodies of Camunda's task calls are small; a body over the limit is refused by the guard instead.
 */
class ReplayableRequest extends HttpServletRequestWrapper {

    static final int LIMIT = 1024 * 1024;

    private byte[] body;

    ReplayableRequest(HttpServletRequest request) {
        super(request);
    }

    /** The body, read at most once from the client; null when it is larger than {@link #LIMIT}. */
    byte[] body() throws IOException {
        if (body == null) {
            body = super.getInputStream().readNBytes(LIMIT + 1);
        }
        return body.length > LIMIT ? null : body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream replay = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return replay.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return replay.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return replay.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
