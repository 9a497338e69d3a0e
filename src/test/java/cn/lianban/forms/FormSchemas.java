package cn.lianban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reading the Camunda Forms in {@code forms/} and the checks that more than one form test needs.
 *
 * <p>What Tasklist submits follows form-js 1.8 (bundled with Camunda 7.24): a keyed field is
 * submitted unless it is disabled (or hidden by its condition, which depends on the data).
 */
final class FormSchemas {

  static final Path FORMS = Path.of(System.getProperty("user.dir"), "forms");
  static final Path PROCESSES = Path.of(System.getProperty("user.dir"), "processes");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Field types that bind a variable (have a {@code key}) in form-js 1.8. */
  static final Set<String> KEYED_TYPES = Set.of(
      "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist",
      "datetime");

  /** The department directory: codes the forms offer wherever a department is chosen or shown. */
  static final Set<String> DEPARTMENTS = Set.of(
      "housing", "urban", "civil", "health", "education", "police", "transport", "ecology",
      "resources", "water", "emergency", "market", "hrss", "finance", "culture", "agriculture",
      "veterans", "justice", "petition", "medicare", "commerce", "statistics", "approval",
      "bigdata", "fire", "power", "disabled", "union", "women", "youth");

  private FormSchemas() {
  }

  static Stream<Path> formFiles() {
    try (Stream<Path> files = Files.list(FORMS)) {
      List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".form")).sorted().toList();
      assertThat(list).as("forms in %s", FORMS).isNotEmpty();
      return list.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> formIds() {
    return formFiles().map(FormSchemas::baseName).collect(Collectors.toSet());
  }

  static JsonNode form(String id) {
    return read(FORMS.resolve(id + ".form"));
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".form".length());
  }

  /** The short name that prefixes component ids: {@code ticket-accept} → {@code accept}. */
  static String shortName(String formId) {
    return formId.substring(formId.lastIndexOf('-') + 1);
  }

  /** All components, depth first, including those nested in groups. */
  static List<JsonNode> components(JsonNode container) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      out.add(c);
      out.addAll(components(c));
    }
    return out;
  }

  static List<JsonNode> keyed(JsonNode form) {
    return components(form).stream().filter(c -> KEYED_TYPES.contains(c.path("type").asText())).toList();
  }

  static Set<String> allKeys(JsonNode form) {
    return keyed(form).stream().map(c -> c.path("key").asText()).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Keys of the fields Tasklist submits: keyed and not disabled. */
  static Set<String> submittedKeys(JsonNode form) {
    return keyed(form).stream()
        .filter(c -> !disabled(c))
        .map(c -> c.path("key").asText())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Keys of the display-only fields: keyed and disabled. */
  static Set<String> displayedKeys(JsonNode form) {
    return keyed(form).stream()
        .filter(FormSchemas::disabled)
        .map(c -> c.path("key").asText())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static JsonNode field(JsonNode form, String key) {
    List<JsonNode> found = keyed(form).stream().filter(c -> key.equals(c.path("key").asText())).toList();
    assertThat(found).as("field %s in %s", key, form.path("id").asText()).hasSize(1);
    return found.get(0);
  }

  static boolean required(JsonNode field) {
    return field.path("validate").path("required").asBoolean(false);
  }

  static boolean disabled(JsonNode field) {
    return field.path("disabled").asBoolean(false);
  }

  static String label(JsonNode field) {
    // form-js labels a date field with dateLabel
    return field.path("type").asText().equals("datetime")
        ? field.path("dateLabel").asText()
        : field.path("label").asText();
  }

  static List<String> textValues(JsonNode field) {
    List<String> out = new ArrayList<>();
    field.path("values").forEach(o -> out.add(o.path("value").asText()));
    return out;
  }

  @SafeVarargs
  static <T> Set<T> union(Set<T>... sets) {
    Set<T> out = new LinkedHashSet<>();
    for (Set<T> s : sets) {
      out.addAll(s);
    }
    return out;
  }

  // ---------------------------------------------------------------- shared assertions

  /** A yes/no decision: a required radio whose two options submit {@code true} and {@code false}. */
  static void assertBooleanDecision(JsonNode form, String key) {
    String as = form.path("id").asText() + " " + key;
    JsonNode radio = field(form, key);
    assertThat(radio.path("type").asText()).as(as).isEqualTo("radio");
    assertThat(required(radio)).as(as).isTrue();
    assertThat(disabled(radio)).as(as).isFalse();
    List<JsonNode> values = new ArrayList<>();
    radio.path("values").forEach(o -> values.add(o.path("value")));
    assertThat(values).as(as).hasSize(2).allMatch(JsonNode::isBoolean);
    assertThat(values.stream().map(JsonNode::asBoolean).collect(Collectors.toSet()))
        .as(as).containsExactlyInAnyOrder(true, false);
  }

  /** Satisfaction: required, submitted as a whole number from 1 to 5. */
  static void assertSatisfactionOneToFive(JsonNode form) {
    JsonNode satisfaction = field(form, "satisfaction");
    String as = form.path("id").asText() + " satisfaction";
    assertThat(required(satisfaction)).as(as).isTrue();
    String type = satisfaction.path("type").asText();
    if (type.equals("number")) {
      assertThat(satisfaction.path("validate").path("min").asInt()).as(as).isEqualTo(1);
      assertThat(satisfaction.path("validate").path("max").asInt()).as(as).isEqualTo(5);
      assertThat(satisfaction.path("decimalDigits").asInt(-1)).as(as).isZero();
    } else {
      assertThat(type).as(as).isIn("radio", "select");
      List<Integer> values = new ArrayList<>();
      satisfaction.path("values").forEach(o -> {
        assertThat(o.path("value").isIntegralNumber())
            .as("%s: option %s is submitted as a number", as, o).isTrue();
        values.add(o.path("value").asInt());
      });
      assertThat(values).as(as).containsExactly(1, 2, 3, 4, 5);
    }
  }

  /** A choice of department: a select offering exactly the directory's departments. */
  static void assertDepartmentSelect(JsonNode field) {
    String as = field.path("id").asText();
    assertThat(field.path("type").asText()).as(as).isEqualTo("select");
    assertThat(textValues(field)).as(as).hasSize(DEPARTMENTS.size());
    assertThat(Set.copyOf(textValues(field))).as(as).isEqualTo(DEPARTMENTS);
  }
}
