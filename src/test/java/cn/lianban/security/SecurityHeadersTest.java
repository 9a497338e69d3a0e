package cn.lianban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.Visitor;

/** The project's pages carry a Content-Security-Policy and Referrer-Policy; nosniff everywhere; SameSite session cookie. */
@LianbanTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    @Test
    void theProjectsPagesCarryAPolicy() {
        for (String path : new String[]{"/login", "/venues", "/activities", "/api/venues"}) {
            HttpHeaders headers = rest.getForEntity(path, String.class).getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(headers.get("X-Content-Type-Options")).as(path).containsExactly("nosniff");
        }
    }

    @Test
    void nosniffAlsoOnTheEngineApiAndTheWebapps() throws Exception {
        ResponseEntity<String> engine = rest.withBasicAuth("secretary", "demo")
                .getForEntity("/engine-rest/process-definition/key/ticket", String.class);
        assertThat(engine.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getHeaders()
                .getFirst("X-Content-Type-Options")).as("also when refused").isEqualTo("nosniff");

        Visitor secretary = new Visitor(port);
        secretary.logIn("secretary");
        for (String path : new String[]{"/camunda/app/tasklist/default/", "/camunda/api/engine/engine/default/task/count"}) {
            HttpResponse<String> answer = secretary.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void theSessionCookieIsSameSiteLax() throws Exception {
        HttpResponse<String> login = new Visitor(port).get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
    }
}
