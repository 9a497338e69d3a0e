package cn.lianban.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by the Debian chromedriver, both by fixed path. With the driver
 * executable given to the service, Selenium never calls Selenium Manager, which would try to download
 * a driver (the build has no internet access).
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "browser");
    /**
     * How often a wait looks again. With Selenium's default, half a second, each of a flow's hundreds of waits lost
     * a quarter of a second on average: JointHandlingFlowBrowserTest took 102 s, and 85 s with this.
     */
    static final Duration POLL = Duration.ofMillis(100);

    /** One Chromium per language for the test JVM ({@link #shared}); closed when the JVM exits. */
    private static final Map<String, Browser> SHARED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(SHARED.values()).forEach(Browser::close)));
    }

    final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(WebDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test when the browser is missing, saying so on the console. Skip per test rather than
     * per class: Surefire counts the test as skipped then, and in a full run the shared Spring context is up anyway.
     */
    static void assumeInstalled(String test) {
        if (!installed()) {
            System.out.println("SKIPPING " + test + ": " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing; install them with: apt-get install chromium chromium-driver fonts-noto-cjk");
        }
        Assumptions.assumeTrue(installed(), () -> CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    }

    /**
     * A browser whose preferred language is {@code lang} (e.g. "zh-CN", "en-US"): the Camunda webapps pick
     * their language from the browser's first language ({@code navigator.languages[0]}).
     */
    private static Browser start(String lang) throws IOException {
        Path profile = Files.createTempDirectory("lianban-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // wide enough for Tasklist's three columns
                "--disable-dev-shm-usage", "--window-size=1600,1000", "--lang=" + lang,
                "--user-data-dir=" + profile.toAbsolutePath());
        // --lang alone does not reach navigator.languages in headless mode; the accept-languages pref does
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // dates in Tasklist as the users see them; date and month fields in the language's format
                // (2027年01月): Chromium takes its locale from LANGUAGE, not from --lang. LANG stays C.UTF-8 (the
                // only UTF-8 locale the machine has), so that file names in Chinese reach the upload fields
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANG", "C.UTF-8",
                        "LANGUAGE", lang.replace('-', '_')))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, service, profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /**
     * The test JVM's Chromium for {@code lang}, in a fresh tab that knows nothing of earlier tests: no cookies,
     * storage or permissions of {@code origin}, no emulated phone, position or blocked address (those belong to
     * the tab that is closed). What stays is the HTTP cache, so each test does not start Chromium and fetch the
     * webapps' scripts anew: two seconds of CPU and more per test on two cores. A Chromium that no longer answers
     * is replaced.
     */
    static Browser shared(String lang, String origin) throws IOException {
        Browser browser = SHARED.get(lang);
        if (browser != null) {
            try {
                browser.freshTab(origin);
                return browser;
            } catch (WebDriverException e) {
                browser.close();
            }
        }
        browser = start(lang);
        SHARED.put(lang, browser);
        browser.freshTab(origin);
        return browser;
    }

    private void freshTab(String origin) {
        var old = driver.getWindowHandles();
        driver.switchTo().newWindow(WindowType.TAB);
        String tab = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(tab);
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes",
                "local_storage,indexeddb,websql,file_systems,service_workers,cache_storage"));
        chrome.executeCdpCommand("Browser.resetPermissions", Map.of());
    }

    /**
     * Logs in as {@code user} at the one login page ({@code baseUrl + "/login"}), whoever was logged in before, and
     * returns once the browser has left the login page: a login without a page to return to lands in Tasklist. The
     * same login opens Tasklist, Cockpit, Admin and the project's pages.
     *
     * @throws IllegalStateException when the login page refuses the user or password
     */
    void logIn(String baseUrl, String user, String password) {
        // cookies are deleted for the page's origin: a browser elsewhere (a fresh tab) goes there first
        if (!driver.getCurrentUrl().startsWith(baseUrl + "/")) {
            driver.get(baseUrl + "/login");
        }
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45), POLL);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error"));
        if (driver.getCurrentUrl().contains("/login")) {
            throw new IllegalStateException("login refused for " + user + " at " + driver.getCurrentUrl());
        }
    }

    /**
     * Waits until a Camunda webapp, just opened after a login, shows {@code ready}. Now and then a webapp stays on
     * its loading spinner then (seen with Tasklist and with Cockpit, rarely: not once in 40 tries here; cause not
     * found): a person reloads the page, and so does the test, once, keeping the screen that showed it.
     */
    void awaitWebapp(By ready, String name) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20), POLL)
                    .until(ExpectedConditions.presenceOfElementLocated(ready));
        } catch (TimeoutException stuck) {
            saveWithSource("webapp-stuck-after-login-" + name);
            driver.navigate().refresh();
            new WebDriverWait(driver, Duration.ofSeconds(45), POLL)
                    .until(ExpectedConditions.presenceOfElementLocated(ready));
        }
    }

    /** The project's login, where a page sent the user to it (Tasklist and the pages log in apart). */
    void logInWhereAsked(String user, String password) {
        if (driver.getCurrentUrl().contains("/login")) {
            driver.findElement(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("button[type='submit']")).click();
        }
    }

    /**
     * Clicks a button or link that leads to another page and waits until that page has replaced this one. A wait
     * for text right after the click could otherwise read the old page (its message, its heading) while it goes
     * away, which Chromium reports as an error rather than as a stale element.
     */
    void clickToNextPage(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(45), POLL).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Saves a screenshot as target/browser/{name}.png; never throws. The page's source is kept only where something
     * went wrong ({@link #failed}, a webapp stuck after a login): at 60 ms a page it cost each run about 20 s.
     */
    void save(String name) {
        try {
            Files.createDirectories(OUT.resolve(name).getParent());
            // Chromium's quick PNG encoding: bigger files, about 100 ms a screenshot against 135 with Selenium's
            String png = (String) ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "optimizeForSpeed", true)).get("data");
            Files.write(OUT.resolve(name + ".png"), Base64.getDecoder().decode(png));
        } catch (Exception e) {
            System.err.println("could not save " + name + ": " + e);
        }
    }

    /** As {@link #save}, with the page's source beside the screenshot as target/browser/{name}.html. */
    private void saveWithSource(String name) {
        save(name);
        try {
            Files.writeString(OUT.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("could not save the source of " + name + ": " + e);
        }
    }

    /**
     * A test's failure with what the browser showed: the screenshot and the page's source saved as {@code name}
     * ({@link #saveWithSource}), and the address, title and start of the page's text in the message, which is all a
     * CI log keeps of it.
     */
    AssertionError failed(String name, Throwable cause) {
        saveWithSource(name);
        String page;
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").strip();
            page = driver.getCurrentUrl() + " \"" + driver.getTitle() + "\": "
                    + text.substring(0, Math.min(text.length(), 300));
        } catch (WebDriverException e) {
            page = "(page not readable: " + e.getClass().getSimpleName() + ")";
        }
        return new AssertionError("browser at " + page + " -- " + cause.getMessage(), cause);
    }

    /** Only this class closes a browser: the tests share it. */
    private void close() {
        SHARED.values().remove(this);
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // a Chromium that no longer answers: its driver service is stopped below, and shared() starts another
        } finally {
            service.stop();
            delete(profile);
        }
    }

    /** {@link #failed(String, Throwable)} saved as target/browser/failure-{the test class}-{step}. */
    AssertionError failed(Class<?> test, String step, Throwable cause) {
        return failed("failure-" + test.getSimpleName() + "-" + step, cause);
    }

    /** Removes what an earlier run saved under {@code dir} (below target/browser), so one run's steps stand alone. */
    static void clear(Path dir) {
        delete(OUT.resolve(dir));
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile or screenshot is harmless
        }
    }
}
