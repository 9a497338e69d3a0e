package cn.lianban.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.Visitor;

/**
 * Failed logins slow down the next ones, at /login and with HTTP Basic on /engine-rest; Camunda never locks an
 * account for good; an administrator sees the failures at /admin/logins and lifts a block. Time is moved by hand.
 */
@LianbanTest
class LoginThrottleWebTest {

    static final String REST = "/engine-rest/process-definition/key/ticket";

    @Autowired
    LoginThrottle throttle;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    @BeforeEach
    void controlTime() {
        throttle.clear();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-10T02:00:00Z")));
    }

    @AfterEach
    void forget() {
        throttle.clear();
        ClockUtil.reset();
    }

    /** Moves the engine's clock, which the throttle runs on. */
    private static void advance(Duration by) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
    }

    @Test
    void basicLoginsToTheEngineApiAreHeldUpAfterAFewFailuresAndNeverLockedForGood() {
        for (int i = 0; i < 6; i++) {
            assertThat(basic("deputy06", "guess" + i).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> held = basic("deputy06", "demo");
        assertThat(held.getStatusCode().value()).isEqualTo(429);
        assertThat(held.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(held.getBody()).contains("\"type\"").contains("登录失败次数过多，请 1 秒后再试");
        // the same hold on the project's JSON API, in the contract's body
        ResponseEntity<String> api = rest.withBasicAuth("deputy06", "demo").getForEntity("/api/cases?scope=mine",
                String.class);
        assertThat(api.getStatusCode().value()).isEqualTo(429);
        assertThat(api.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(api.getBody()).contains("\"error\":\"too_many_logins\"").contains("登录失败次数过多");

        advance(Duration.ofSeconds(1));
        assertThat(basic("deputy06", "demo").getStatusCode().value()).isEqualTo(200);

        // far more failures than Camunda's own lock allowed (10, then locked until an administrator acts)
        for (int i = 0; i < 15; i++) {
            advance(Duration.ofMinutes(1));
            basic("deputy06", "guess" + i);
        }
        advance(Duration.ofMinutes(1));
        assertThat(basic("deputy06", "demo").getStatusCode().value()).isEqualTo(200);
        assertThat(identity.checkPassword("deputy06", "demo")).isTrue();
    }

    @Test
    void oneAddressTryingManyLoginsIsHeldUpForEveryLogin() {
        int free = 50; // lianban.login.free-failures-per-address in the test profile
        for (int i = 0; i <= free; i++) {
            assertThat(basic("nobody" + i, "guess").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(basic("secretary", "demo").getStatusCode().value()).isEqualTo(429);
        assertThat(throttle.standings()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(LoginThrottle.Kind.ADDRESS);
            assertThat(s.blockedUntil()).isNotNull();
        });
    }

    @Test
    void theLoginPageSaysToWaitAndAnAdministratorLiftsTheBlock() throws Exception {
        Visitor deputy = new Visitor(port);
        for (int i = 0; i < 6; i++) {
            assertThat(deputy.tryLogIn("deputy05", "guess" + i).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        HttpResponse<String> held = deputy.tryLogIn("deputy05", "demo");
        assertThat(held.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(deputy.get("/login?error").body()).contains("登录失败次数过多，请 1 秒后再试。")
                .doesNotContain("用户名或密码错误");

        Visitor admin = new Visitor(port);
        admin.logIn("admin");
        HttpResponse<String> page = admin.get("/admin/logins");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("登录安全").contains("deputy05").contains("127.0.0.1")
                .contains("锁定期间再次尝试，未核对密码").contains("2026-12-10 10:00:00");
        HttpResponse<String> released = admin.postForm("/admin/logins/release",
                Map.of("kind", "LOGIN", "value", "deputy05", "_csrf", Visitor.csrf(page.body())));
        assertThat(released.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/logins").body()).contains("登录名 deputy05 已解除锁定");

        deputy.logIn("deputy05");
    }

    @Test
    void onlyAdministratorsSeeTheLoginsPage() throws Exception {
        Visitor center = new Visitor(port);
        center.logIn("center");
        assertThat(center.get("/admin/logins").statusCode()).isEqualTo(403);
    }

    private ResponseEntity<String> basic(String user, String password) {
        return rest.withBasicAuth(user, password).getForEntity(REST, String.class);
    }
}
