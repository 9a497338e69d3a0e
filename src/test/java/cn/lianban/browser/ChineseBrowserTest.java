package cn.lianban.browser;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.support.LianbanTest;

/**
 * A browser test as a person using Chinese: the application on a random port and one headless Chromium in zh-CN
 * per test, closed after it (skipped where Chromium is not installed).
 */
@LianbanTest
abstract class ChineseBrowserTest {

    @LocalServerPort
    int port;

    @AutoClose
    Browser browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Browser.assumeInstalled(getClass().getSimpleName());
        browser = Browser.start("zh-CN");
    }

    /** The application's address, e.g. http://localhost:41234. */
    String base() {
        return "http://localhost:" + port;
    }
}
