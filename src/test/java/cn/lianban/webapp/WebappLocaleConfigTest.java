package cn.lianban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webapps' config.js and user-styles.css that lianban puts over the webjar's: Chinese first and by default,
 * English available, the Camunda 8 migration banner hidden. Also checks that the classpath order lets these
 * files win over the webjar's.
 */
class WebappLocaleConfigTest {

    private static final String APPS = WebappChineseLocaleTest.APPS;
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]*)['\"]");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configDeclaresChineseAsFallbackAndChineseAndEnglishAsAvailable(String app) throws IOException {
        String config = code(first(APPS + app + "/scripts/config.js"));

        Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(config);
        assertThat(available.find()).as("%s config.js sets availableLocales", app).isTrue();
        assertThat(quoted(available.group(1))).containsExactly("zh", "en");

        Matcher fallback = Pattern.compile("fallbackLocale\\s*:\\s*['\"]([^'\"]*)['\"]").matcher(config);
        assertThat(fallback.find()).as("%s config.js sets fallbackLocale", app).isTrue();
        assertThat(fallback.group(1)).isEqualTo("zh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void ourFilesComeBeforeTheWebjarsOnTheClasspath(String app) throws IOException {
        for (String file : List.of("scripts/config.js", "styles/user-styles.css")) {
            List<URL> all = Collections.list(getClass().getClassLoader().getResources(APPS + app + "/" + file));
            assertThat(all).as("%s %s: ours and the webjar's", app, file).hasSize(2);
            assertThat(all.get(0).toString()).as("the one served").doesNotContain("camunda-webapp-webjar");
            assertThat(all.get(1).toString()).contains("camunda-webapp-webjar");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void userStylesHideTheCamunda8MigrationBanner(String app) throws IOException {
        String css = code(first(APPS + app + "/styles/user-styles.css"));
        assertThat(css.replaceAll("\\s+", " "))
                .contains(".ce-eol-banner { display: none !important; }");
    }

    @Test
    void tasklistKeepsTheShippedKeyboardShortcuts() throws IOException {
        List<URL> all = Collections.list(getClass().getClassLoader().getResources(APPS + "tasklist/scripts/config.js"));
        String shipped = code(all.get(all.size() - 1));
        String ours = code(all.get(0));
        for (String shortcut : List.of("claimTask", "focusFilter", "focusList", "focusForm", "startProcess")) {
            assertThat(shipped).contains(shortcut + ":");
            assertThat(ours).as("shortcut " + shortcut).contains(shortcut + ":");
        }
        assertThat(ours).contains("normal: 'YYYY-MM-DD HH:mm'");
    }

    private static URL first(String path) {
        return WebappChineseLocaleTest.resource(path);
    }

    /** The file without its comments (the shipped files keep their examples in comments). */
    private static String code(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return COMMENTS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).replaceAll("");
        }
    }

    private static List<String> quoted(String list) {
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
