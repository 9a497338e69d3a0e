package cn.lianban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.LianbanTest;

/**
 * Errors in Chinese: a page for browsers (no Whitelabel page, no English, a way home and to log in), and the
 * contract's {@code {"error", "message"}} for the JSON API, also for paths and methods it does not have.
 */
@LianbanTest
class ErrorPagesTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aPageTheLoginMayNotOpenIsAChinese403Page() {
        ResponseEntity<String> page = html("secretary", "/admin/mail");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertChinesePage(page.getBody());
        assertThat(page.getBody()).contains("403", "没有权限", "返回首页", "/camunda/app/tasklist/");
    }

    @Test
    void anUnknownPageIsAChinese404Page() {
        ResponseEntity<String> page = html("secretary", "/no-such-page");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertChinesePage(page.getBody());
        assertThat(page.getBody()).contains("404", "页面不存在");
        // the header still knows who is logged in
        assertThat(page.getBody()).contains("退出");
    }

    @Test
    void aPageRefusedByTheProjectSaysWhy() {
        ResponseEntity<String> page = html("secretary", "/dashboard?community=C-XJ-01");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertChinesePage(page.getBody());
        assertThat(page.getBody()).contains("只能查看本单位的数据");
    }

    @Test
    void theApiAnswersUnknownPathsAndMethodsWithTheContractsJson() {
        ResponseEntity<Map> unknown = json("secretary", HttpMethod.GET, "/api/no-such-thing");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(unknown.getBody()).containsOnlyKeys("error", "message").containsEntry("error", "not_found");

        // a browser asking for HTML still gets JSON from the API
        ResponseEntity<String> asBrowser = html("secretary", "/api/no-such-thing");
        assertThat(asBrowser.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asBrowser.getBody()).startsWith("{").contains("\"error\":\"not_found\"");

        ResponseEntity<Map> wrongMethod = json("center", HttpMethod.PUT, "/api/dashboard");
        assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.getBody()).containsEntry("error", "method_not_allowed");
        assertThat((String) wrongMethod.getBody().get("message")).isNotBlank();
    }

    @Test
    void theApiAnswersRefusalsAndMissingLoginsWithTheContractsJson() {
        ResponseEntity<Map> refused = json("secretary", HttpMethod.GET, "/api/tickets/rates?month=2026-11&by=dept");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("error", "forbidden");

        ResponseEntity<Map> anonymous = rest.exchange("/api/dashboard", HttpMethod.GET, new HttpEntity<>(accept(
                MediaType.APPLICATION_JSON)), Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody()).containsEntry("error", "unauthorized");
        assertThat((String) anonymous.getBody().get("message")).contains("登录");
    }

    /** Chinese, with the project's look and no trace of Spring's error page or of English status texts. */
    static void assertChinesePage(String body) {
        assertThat(body).contains("<html lang=\"zh-CN\"", "联办")
                .doesNotContain("Whitelabel", "Forbidden", "Not Found", "Error", "Exception", "Access Denied");
    }

    private ResponseEntity<String> html(String user, String path) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET,
                new HttpEntity<>(accept(MediaType.TEXT_HTML)), String.class);
    }

    private ResponseEntity<Map> json(String user, HttpMethod method, String path) {
        return rest.withBasicAuth(user, "demo").exchange(path, method,
                new HttpEntity<>(accept(MediaType.APPLICATION_JSON)), Map.class);
    }

    private static HttpHeaders accept(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(type));
        return headers;
    }
}
