package cn.lianban.security;

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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import cn.lianban.support.LianbanTest;

/**
 * One login for people: a session opened at /login carries into Tasklist, Cockpit and Admin, the webapps' own
 * sign-in is closed, and logging out on either side ends both. Apps keep HTTP Basic on /engine-rest.
 * Driven over HTTP as a browser would (one cookie jar, no redirects followed); the browser side is
 * SingleLoginBrowserTest.
 */
@LianbanTest
class SingleLoginTest {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";
    private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/default/logout";
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    @Test
    void withoutALoginTheWebappsSendPeopleToTheLoginPageAndTheirApiAnswers401() throws Exception {
        Visitor anonymous = new Visitor();
        HttpResponse<String> tasklist = anonymous.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
        assertThat(anonymous.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginAtTheLoginPageOpensTasklistAndReturnsThereAfterwards() throws Exception {
        Visitor secretary = new Visitor();
        secretary.get(TASKLIST);
        HttpResponse<String> loggedIn = secretary.logIn("secretary");
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).contains(TASKLIST);

        assertThat(secretary.get(TASKLIST).statusCode()).isEqualTo(200);
        HttpResponse<String> me = secretary.get(WHO_AM_I);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"secretary\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(secretary.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
        // the same session opens the project's pages
        assertThat(secretary.get("/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginWithoutAPageToReturnToLandsInTasklist() throws Exception {
        assertThat(new Visitor().logIn("housing").headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/tasklist/");
    }

    @Test
    void theCityCenterOpensCockpitWithTheSameLogin() throws Exception {
        Visitor center = new Visitor();
        center.logIn("center");
        assertThat(center.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(center.get(WHO_AM_I).body()).contains("cockpit");
    }

    @Test
    void theWebappsOwnSignInIsClosed() throws Exception {
        Visitor anonymous = new Visitor();
        assertThat(anonymous.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", "secretary", "password", "demo")).statusCode()).isEqualTo(401);
        assertThat(anonymous.get(TASKLIST).statusCode()).isEqualTo(302);

        // nor can a logged-in user switch to another Camunda user behind the login
        Visitor secretary = new Visitor();
        secretary.logIn("secretary");
        secretary.get(TASKLIST);
        assertThat(secretary.webappPost("/camunda/api/admin/auth/user/default/login/cockpit",
                "username=center&password=demo").statusCode()).isEqualTo(403);
        assertThat(secretary.get(WHO_AM_I).body()).contains("\"userId\":\"secretary\"");
    }

    @Test
    void loggingOutInTheWebappsEndsTheWholeLogin() throws Exception {
        Visitor secretary = new Visitor();
        secretary.logIn("secretary");
        secretary.get(TASKLIST);
        assertThat(secretary.webappPost(WEBAPP_LOGOUT, "").statusCode()).isEqualTo(200);
        assertThat(secretary.get("/dashboard").statusCode()).isEqualTo(302);
        assertThat(secretary.get(TASKLIST).statusCode()).isEqualTo(302);
        assertThat(secretary.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void loggingOutOnTheProjectsPagesEndsTheWebappsToo() throws Exception {
        Visitor secretary = new Visitor();
        secretary.logIn("secretary");
        assertThat(secretary.get(TASKLIST).statusCode()).isEqualTo(200);
        HttpResponse<String> page = secretary.get("/resources");
        HttpResponse<String> out = secretary.postForm("/logout", Map.of("_csrf", csrf(page.body())));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(secretary.get(TASKLIST).statusCode()).isEqualTo(302);
        assertThat(secretary.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestStaysHttpBasic() {
        String path = "/engine-rest/process-definition/key/joint-handling";
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("secretary", "demo").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1);
    }

    /** One browser: a cookie jar, no redirects followed, every answer returned as it came. */
    private final class Visitor {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).header("Accept", BROWSER).GET());
        }

        /** The login page's form, with its CSRF token. */
        HttpResponse<String> logIn(String user) throws IOException, InterruptedException {
            String token = csrf(get("/login").body());
            HttpResponse<String> answer = postForm("/login", Map.of("username", user, "password", "demo",
                    "_csrf", token));
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            return answer;
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", BROWSER).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** A POST as the webapps send it: with the CSRF token Camunda gave in its cookie. */
        HttpResponse<String> webappPost(String path, String form) throws IOException, InterruptedException {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", token).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
