package cn.lianban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.LianbanTest;

/**
 * What a client can get wrong on the project's endpoints (the JSON API, Open311, the pages) is answered with a 4xx
 * and the contract's body (a Chinese message, no exception names), and writes nothing: malformed JSON, values of
 * the wrong type, over-size bodies, an {@code Accept} the endpoint cannot serve, wrong methods, unknown paths.
 */
@LianbanTest
class ClientErrorFuzzTest {

    private static final List<String> TABLES = List.of("booking", "signup", "activity", "checkin", "open311_request",
            "case_attachment", "case_event");
    private static final String THREE_MB = "x".repeat(3 * 1024 * 1024);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    Map<String, Long> rowsBefore;

    @BeforeEach
    void countRows() {
        rowsBefore = rows();
    }

    @AfterEach
    void nothingWritten() {
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    @Test
    void malformedJsonIs400() {
        for (String[] call : new String[][]{{null, "/api/bookings"}, {null, "/api/activities/1/signups"},
                {"secretary", "/api/activities"}, {"secretary", "/api/checkins"}, {"secretary", "/api/activities/1/attendance"}}) {
            for (String body : List.of("{\"venueCode\": ", "[1,2", "not json", "{\"a\":1}}")) {
                contractError(send(call[0], HttpMethod.POST, call[1], body, MediaType.APPLICATION_JSON, null), 400);
            }
        }
    }

    @Test
    void valuesOfTheWrongTypeAre400() {
        contractError(send(null, HttpMethod.POST, "/api/bookings",
                "{\"venueCode\":[1],\"start\":{\"x\":1},\"end\":true,\"name\":5,\"phone\":13800000000}",
                MediaType.APPLICATION_JSON, null), 400);
        contractError(send(null, HttpMethod.POST, "/api/activities/1/signups", "{\"name\":[],\"phone\":{}}",
                MediaType.APPLICATION_JSON, null), 400);
        contractError(send(null, HttpMethod.GET, "/api/activities/abc", null, null, null), 400);
        contractError(send(null, HttpMethod.POST, "/api/activities/abc/signups", "{}", MediaType.APPLICATION_JSON,
                null), 400);
        contractError(send("secretary", HttpMethod.GET, "/api/checkins/totals?by=nonsense", null, null, null), 400);
    }

    @Test
    void overSizeBodiesAre413() {
        String json = "{\"name\":\"" + THREE_MB + "\"}";
        contractError(send(null, HttpMethod.POST, "/api/bookings", json, MediaType.APPLICATION_JSON, null), 413);
        contractError(send(null, HttpMethod.POST, "/api/activities/1/signups", json, MediaType.APPLICATION_JSON, null),
                413);
        contractError(send("secretary", HttpMethod.POST, "/api/checkins", json, MediaType.APPLICATION_JSON, null), 413);

        // Open311 answers in GeoReport's shape, a list of code and description; 413, not "missing api_key"
        String form = "api_key=demo-key&service_code=R-001&description=" + "x".repeat(10 * 1024 * 1024);
        ResponseEntity<String> open311 = send(null, HttpMethod.POST, "/open311/v2/requests.json", form,
                MediaType.APPLICATION_FORM_URLENCODED, null);
        assertThat(open311.getStatusCode().value()).as(open311.getBody()).isEqualTo(413);
        assertThat(open311.getBody()).contains("\"code\":413").contains("请求内容过大").doesNotContain("api_key");

        // a page's form: the error page, in Chinese
        ResponseEntity<String> page = send(null, HttpMethod.POST, "/bookings/cancel", "phone=" + THREE_MB,
                MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_HTML);
        assertThat(page.getStatusCode().value()).isEqualTo(413);
        assertThat(page.getBody()).contains("提交的内容过大");
    }

    @Test
    void anAcceptTheApiCannotServeIs406() {
        for (String path : List.of("/api/venues", "/api/activities", "/api/activities/1", "/api/venues/nope")) {
            ResponseEntity<String> answer = send(null, HttpMethod.GET, path, null, null, MediaType.APPLICATION_XML);
            assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isIn(404, 406);
            if (path.equals("/api/venues") || path.equals("/api/activities")) {
                assertThat(answer.getStatusCode().value()).isEqualTo(406);
            }
            assertThat(answer.getBody()).contains("\"error\"").contains("\"message\"");
        }
        contractError(send("secretary", HttpMethod.GET, "/api/cases", null, null, MediaType.APPLICATION_XML), 406);
    }

    @Test
    void wrongMethodsAre405AndUnknownPathsAre404() {
        contractError(send(null, HttpMethod.PUT, "/api/venues", "{}", MediaType.APPLICATION_JSON, null), 405);
        contractError(send(null, HttpMethod.PATCH, "/api/bookings", "{}", MediaType.APPLICATION_JSON, null), 405);
        contractError(send("secretary", HttpMethod.DELETE, "/api/cases", null, null, null), 405);
        contractError(send("secretary", HttpMethod.POST, "/api/checkins/totals", "{}", MediaType.APPLICATION_JSON,
                null), 405);
        contractError(send(null, HttpMethod.GET, "/api/nope", null, null, null), 401);
        contractError(send("secretary", HttpMethod.GET, "/api/nope", null, null, null), 404);
        // a body type the endpoint does not read
        contractError(send(null, HttpMethod.POST, "/api/bookings", "venueCode=V1",
                MediaType.APPLICATION_FORM_URLENCODED, null), 415);
    }

    /** A 4xx of this status with {"error", "message"}, the message Chinese and free of exception names. */
    private static void contractError(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isNotNull()
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
        assertThat(answer.getBody()).contains("\"error\":\"").contains("\"message\":\"")
                .doesNotContain("Exception").doesNotContain("java.");
        assertThat(answer.getBody()).as("a Chinese message").containsPattern("\\p{IsHan}");
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body, MediaType type,
                                        MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        if (accept != null) {
            headers.setAccept(List.of(accept));
        }
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
