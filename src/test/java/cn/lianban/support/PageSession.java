package cn.lianban.support;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A demo user working with the project's pages as a browser would: HTTP Basic on each request, one session
 * cookie, and the CSRF token of the last page sent back with each form.
 */
public class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final TestRestTemplate rest;
    private String cookie;
    private String csrf;

    public PageSession(TestRestTemplate rest, String user) {
        this.rest = rest.withBasicAuth(user, "demo");
    }

    public ResponseEntity<String> get(String path) {
        ResponseEntity<String> page = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        remember(page);
        return page;
    }

    /** Posts a form with the CSRF token of the last page; a redirect is followed in the same session. */
    public ResponseEntity<String> post(String path, Map<String, List<String>> fields) {
        ResponseEntity<String> answer = send(path, new LinkedMultiValueMap<>(fields),
                MediaType.APPLICATION_FORM_URLENCODED);
        if (answer.getStatusCode().is3xxRedirection()) {
            return get(answer.getHeaders().getLocation().toString());
        }
        return answer;
    }

    /** Uploads one file as a multipart form field, with the CSRF token of the last page. */
    public ResponseEntity<String> upload(String path, String field, String filename, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(field, new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return send(path, form, MediaType.MULTIPART_FORM_DATA);
    }

    @SuppressWarnings("unchecked")
    private <T> ResponseEntity<String> send(String path, MultiValueMap<String, T> form, MediaType type) {
        if (csrf != null) {
            form.add("_csrf", (T) csrf);
        }
        HttpHeaders headers = headers();
        headers.setContentType(type);
        ResponseEntity<String> answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        remember(answer);
        return answer;
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        return headers;
    }

    private void remember(ResponseEntity<String> answer) {
        List<String> cookies = answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
        Matcher m = CSRF.matcher(answer.getBody() == null ? "" : answer.getBody());
        if (m.find()) {
            csrf = m.group(1);
        }
    }
}
