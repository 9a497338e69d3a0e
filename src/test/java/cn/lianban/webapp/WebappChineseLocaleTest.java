package cn.lianban.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Chinese translations of the Camunda webapps (src/main/resources/META-INF/resources/webjars/camunda/app/
 * {app}/locales/zh.json) against the English files of the Camunda webjar on the classpath: same keys, same
 * placeholders and HTML tags, and Chinese text. After a Camunda upgrade this test lists the keys to translate.
 */
class WebappChineseLocaleTest {

    static final String APPS = "META-INF/resources/webjars/camunda/app/";

    /** angular-translate interpolations ({{name}}), the {} of some Cockpit labels, and moment's %d / %s. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{}|%[ds]");
    /** HTML markup in labels (a, br, strong …); free text in angle brackets such as "<null>" is no tag. */
    private static final Pattern TAG = Pattern.compile(
            "</?(?:a|b|br|code|em|i|li|ol|p|pre|small|span|strong|u|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    /** Latin words a Chinese label may keep: product names, abbreviations, literal values, a date pattern. */
    private static final Set<String> KEPT_WORDS = Set.of("Camunda", "Optimize", "BPMN", "DMN", "CMMN", "DRD", "ID",
            "JSON", "CSV", "XML", "LDAP", "null", "undefined", "YYYY", "MM", "DDTHH", "mm", "ss");

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void zhHasEveryKeyOfTheWebjarsEnglishWithTheSamePlaceholders(String app) throws IOException {
        URL enUrl = resource(APPS + app + "/locales/en.json");
        assertThat(enUrl.toString()).as("en.json comes from the Camunda webjar").contains("camunda-webapp-webjar");
        Map<String, JsonNode> en = flatten(read(enUrl));
        Map<String, JsonNode> zh = flatten(read(resource(APPS + app + "/locales/zh.json")));

        assertThat(zh.keySet()).as("%s zh.json keys", app).containsExactlyInAnyOrderElementsOf(en.keySet());

        List<String> problems = new ArrayList<>();
        int labels = 0;
        int chinese = 0;
        for (Map.Entry<String, JsonNode> e : en.entrySet()) {
            String key = e.getKey();
            JsonNode enValue = e.getValue();
            JsonNode zhValue = zh.get(key);
            if (!enValue.isTextual()) {
                if (!zhValue.equals(enValue)) {
                    problems.add(key + ": expected " + enValue + " but was " + zhValue);
                }
                continue;
            }
            if (!zhValue.isTextual()) {
                problems.add(key + ": not a string: " + zhValue);
                continue;
            }
            String english = enValue.asText();
            String chineseText = zhValue.asText();
            if (!english.isEmpty() && chineseText.isBlank()) {
                problems.add(key + ": empty");
            }
            if (!sorted(PLACEHOLDER, english).equals(sorted(PLACEHOLDER, chineseText))) {
                problems.add(key + ": placeholders " + sorted(PLACEHOLDER, english) + " became "
                        + sorted(PLACEHOLDER, chineseText) + " in \"" + chineseText + "\"");
            }
            if (!sorted(TAG, english).equals(sorted(TAG, chineseText))) {
                problems.add(key + ": HTML tags " + sorted(TAG, english) + " became " + sorted(TAG, chineseText));
            }
            if (!key.startsWith("labels.") || english.isEmpty()) {
                continue;
            }
            labels++;
            if (HAN.matcher(chineseText).find()) {
                chinese++;
            } else {
                String rest = TAG.matcher(PLACEHOLDER.matcher(chineseText).replaceAll(" ")).replaceAll(" ");
                Matcher word = LATIN_WORD.matcher(rest);
                while (word.find()) {
                    if (!KEPT_WORDS.contains(word.group())) {
                        problems.add(key + ": not translated: \"" + chineseText + "\"");
                        break;
                    }
                }
            }
        }
        assertThat(problems).as("%s zh.json", app).isEmpty();
        assertThat(chinese).as("%s labels with Chinese text, of %d", app, labels)
                .isGreaterThanOrEqualTo(labels * 95 / 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void zhIsPlainUtf8JsonWithoutByteOrderMark(String app) throws IOException {
        try (InputStream in = resource(APPS + app + "/locales/zh.json").openStream()) {
            byte[] start = in.readNBytes(3);
            assertThat(start[0]).as("first byte").isEqualTo((byte) '{');
        }
    }

    static URL resource(String path) {
        URL url = WebappChineseLocaleTest.class.getClassLoader().getResource(path);
        assertThat(url).as(path + " on the classpath").isNotNull();
        return url;
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            // Camunda's own files start with a UTF-8 byte order mark, which Jackson skips
            return JSON.readTree(in);
        }
    }

    /** Every leaf by its path: labels.PAGE_LOGIN_USERNAME, dateLocales.months[0] … */
    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static List<String> sorted(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
