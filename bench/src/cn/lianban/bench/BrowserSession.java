package cn.lianban.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One demo user logged in through the form at /login, as a browser is: session cookie and CSRF token, no
 * HTTP Basic. Requests are timed from sending to the last byte of the body.
 */
final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final String user;
    private final HttpClient http;

    private BrowserSession(String base, String user) {
        this.base = base;
        this.user = user;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static BrowserSession login(String base, String user, String password) throws IOException, InterruptedException {
        BrowserSession s = new BrowserSession(base, user);
        HttpResponse<String> page = s.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login: HTTP " + page.statusCode());
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> answer = s.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String to = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || to.contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: HTTP " + answer.statusCode() + " → " + to);
        }
        return s;
    }

    String user() {
        return user;
    }

    /** A timed GET; anything but 200 is an error, so that a broken page can never pass as fast. */
    Timed get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .GET().build();
        long t0 = System.nanoTime();
        HttpResponse<String> answer = send(request);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(user + " GET " + path + ": HTTP " + answer.statusCode());
        }
        return new Timed(ms, answer.body());
    }

    /**
     * A timed call of the webapps' engine API as Tasklist makes it: JSON (or HAL) in and out, a POST with the CSRF
     * token Camunda set in its cookie; {@code json} null means GET.
     */
    Timed api(String path, String accept, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Accept", accept);
        if (json == null) {
            request.GET();
        } else {
            String token = http.cookieHandler().map(h -> ((CookieManager) h).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(""))
                    .orElse("");
            request.header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> answer = send(request.build());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(user + " " + (json == null ? "GET " : "POST ") + path + ": HTTP "
                    + answer.statusCode() + " " + answer.body());
        }
        return new Timed(ms, answer.body());
    }

    record Timed(double millis, String body) {
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
