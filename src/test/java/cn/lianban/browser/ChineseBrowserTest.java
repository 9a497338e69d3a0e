package cn.lianban.browser;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.LianbanTest;

/**
 * A browser test as a person using Chinese: the application on a random port and the test JVM's headless Chromium
 * in zh-CN, in a fresh tab without the cookies and storage of earlier tests (skipped where Chromium is not installed).
 */
@LianbanTest
abstract class ChineseBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Browser.assumeInstalled(getClass().getSimpleName());
        browser = Browser.shared("zh-CN", base());
    }

    /** The application's address, e.g. http://localhost:41234. */
    String base() {
        return "http://localhost:" + port;
    }
}
