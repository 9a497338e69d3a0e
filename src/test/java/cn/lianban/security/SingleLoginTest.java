package cn.lianban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.Visitor;

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

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    @Test
    void withoutALoginTheWebappsSendPeopleToTheLoginPageAndTheirApiAnswers401() throws Exception {
        Visitor anonymous = new Visitor(port);
        HttpResponse<String> tasklist = anonymous.get(TASKLIST);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
        assertThat(anonymous.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginAtTheLoginPageOpensTasklistAndReturnsThereAfterwards() throws Exception {
        Visitor secretary = new Visitor(port);
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
        assertThat(new Visitor(port).logIn("housing").headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/tasklist/");
    }

    @Test
    void theCityCenterOpensCockpitWithTheSameLogin() throws Exception {
        Visitor center = new Visitor(port);
        center.logIn("center");
        assertThat(center.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(center.get(WHO_AM_I).body()).contains("cockpit");
    }

    @Test
    void theWebappsOwnSignInIsClosed() throws Exception {
        Visitor anonymous = new Visitor(port);
        assertThat(anonymous.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", "secretary", "password", "demo")).statusCode()).isEqualTo(401);
        assertThat(anonymous.get(TASKLIST).statusCode()).isEqualTo(302);

        // nor can a logged-in user switch to another Camunda user behind the login
        Visitor secretary = new Visitor(port);
        secretary.logIn("secretary");
        secretary.get(TASKLIST);
        assertThat(secretary.webappPost("/camunda/api/admin/auth/user/default/login/cockpit",
                "username=center&password=demo").statusCode()).isEqualTo(403);
        assertThat(secretary.get(WHO_AM_I).body()).contains("\"userId\":\"secretary\"");
    }

    @Test
    void loggingOutInTheWebappsEndsTheWholeLogin() throws Exception {
        Visitor secretary = new Visitor(port);
        secretary.logIn("secretary");
        secretary.get(TASKLIST);
        assertThat(secretary.webappPost(WEBAPP_LOGOUT, "").statusCode()).isEqualTo(200);
        assertThat(secretary.get("/dashboard").statusCode()).isEqualTo(302);
        assertThat(secretary.get(TASKLIST).statusCode()).isEqualTo(302);
        assertThat(secretary.get(WHO_AM_I).statusCode()).isEqualTo(401);
    }

    @Test
    void loggingOutOnTheProjectsPagesEndsTheWebappsToo() throws Exception {
        Visitor secretary = new Visitor(port);
        secretary.logIn("secretary");
        assertThat(secretary.get(TASKLIST).statusCode()).isEqualTo(200);
        HttpResponse<String> page = secretary.get("/resources");
        HttpResponse<String> out = secretary.postForm("/logout", Map.of("_csrf", Visitor.csrf(page.body())));
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
}
