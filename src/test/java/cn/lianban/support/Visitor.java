package cn.lianban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser on the running application: a cookie jar, no redirects followed, every answer returned as it came.
 * It logs in at /login as a person does and calls the webapps' API as Tasklist does (with Camunda's CSRF token).
 */
public final class Visitor {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Visitor(int port) {
        this.port = port;
    }

    /** The CSRF token of a project page's form. */
    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Accept", BROWSER).GET());
    }

    /** The login page's form, with its CSRF token; the login must succeed. */
    public HttpResponse<String> logIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> answer = tryLogIn(user, "demo");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return answer;
    }

    /** The login page's form, with its CSRF token, whatever comes of it. */
    public HttpResponse<String> tryLogIn(String user, String password) throws IOException, InterruptedException {
        String token = csrf(get("/login").body());
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST as the webapps send it: with the CSRF token Camunda gave in its cookie. */
    public HttpResponse<String> webappPost(String path, String form) throws IOException, InterruptedException {
        return send(webapp(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A JSON POST to the webapps' engine API, as Tasklist sends a claim. */
    public HttpResponse<String> webappPostJson(String path, String json) throws IOException, InterruptedException {
        return send(webapp(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder webapp(String path) {
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        return request(path).header("X-XSRF-TOKEN", token).header("Accept", "application/json");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
