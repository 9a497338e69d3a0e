package cn.lianban.forms;

import static cn.lianban.forms.FormSchemas.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every Camunda Form in {@code forms/} against what Camunda 7.24 Tasklist can render and
 * against the conventions of this project, and the forms of {@code joint-handling} against its
 * process contract ({@link TicketFormsTest} does the same for {@code ticket}).
 *
 * <p>Camunda 7.24 Tasklist embeds form-js 1.8 (schemaVersion 16). In that version a field with
 * {@code disabled: true} is shown but neither validated nor submitted, while {@code readonly}
 * fields are submitted; a field hidden by {@code conditional.hide} is neither validated nor
 * submitted. The task forms of joint-handling show their context as {@code text} components with
 * {@code {{variable}}} templating of the display variables the process keeps (words, not codes),
 * so that a task form submits exactly the variables the task completes with.
 */
class FormsTest {

  /** The form-js schema version bundled with Camunda 7.24 Tasklist. */
  static final int SCHEMA_VERSION = 16;

  /** The subset of form-js 1.8 types these forms may use. */
  static final Set<String> ALLOWED_TYPES = union(KEYED_TYPES, Set.of("text", "group", "separator", "spacer"));

  static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist", "taglist");

  static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  static final Pattern KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9]*$");

  static final Set<String> FORM_IDS = Set.of(
      "joint-handling-start", "joint-handling-rate", "joint-handling-meet", "joint-handling-handle",
      "joint-handling-assist", "joint-handling-approve", "joint-handling-evaluate",
      "joint-handling-supervise", "joint-handling-extension", "joint-handling-schedule");

  static final List<String> CATEGORIES =
      List.of("ENVIRONMENT", "TRAFFIC", "HOUSING", "FACILITY", "SAFETY", "ELDERLY", "OTHER");
  static final List<String> COLORS = List.of("GREEN", "YELLOW", "RED");

  /** Contract: start variables of {@code joint-handling}. */
  static final Set<String> START_KEYS = Set.of(
      "title", "description", "category", "communityCode", "households", "multiCommunity",
      "multiDepartment", "safetyRisk", "estimatedCost");

  /** Contract: what each user task completes with (form id → keys). */
  static final Map<String, Set<String>> COMPLETES_WITH = Map.of(
      "joint-handling-rate", Set.of("color", "overrideReason"),
      "joint-handling-schedule", Set.of("meetingChoice"),
      "joint-handling-meet", Set.of("leadDept", "coDepts", "deadline", "minutes"),
      "joint-handling-handle", Set.of("result", "resolved"),
      "joint-handling-assist", Set.of("assistResult"),
      "joint-handling-approve", Set.of("approved", "comment"),
      "joint-handling-evaluate", Set.of("satisfied", "satisfaction"),
      "joint-handling-supervise", Set.of("supervision", "newLeadDept", "supervisionComment"),
      "joint-handling-extension", Set.of("extensionApproved", "extensionComment"));

  /** The position's degrees (issue 14), the only numbers with decimals: submitted as Double. */
  static final Set<String> DEGREES = Set.of("lat", "lon");

  /** Optional extras a form may submit beyond the contract. */
  static final Map<String, Set<String>> EXTRAS = Map.of(
      // lat, lon: the position; gridCode: the grid level; reporterPhone: the resident told by SMS (issue 14)
      "joint-handling-start", Set.of("location", "lat", "lon", "gridCode", "reporterPhone"),
      "joint-handling-meet", Set.of("funds", "fundsPurpose", "moveMeeting", "meetingSlot", "attended",
          "leadTask", "coTasks"),
      "joint-handling-rate", Set.of("mergeCases"),
      "joint-handling-handle", Set.of("extensionAsked", "extensionUntil", "extensionReason"),
      "joint-handling-evaluate", Set.of("evaluationComment"),
      // 挂账 instead of a decision on the escalation (issue 13)
      "joint-handling-approve", Set.of("shelve", "shelfCategory", "shelfReason", "shelfReviewDate"));

  // ---------------------------------------------------------------- generic checks

  @Test
  void allJointHandlingFormsArePresent() {
    assertThat(formIds()).containsAll(FORM_IDS);
  }

  /** Forms a process refers to that are built at runtime rather than kept in {@code forms/}. */
  static final Set<String> GENERATED_FORMS = Set.of("ticket-start", "community-order-start");

  static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  @Test
  void everyFormAProcessRefersToIsInTheFormsDirectory() throws IOException {
    Set<String> refs = new TreeSet<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = FORM_REF.matcher(Files.readString(bpmn));
        while (m.find()) {
          refs.add(m.group(1));
        }
      }
    }
    refs.removeAll(GENERATED_FORMS);
    assertThat(formIds()).containsAll(refs);
    assertThat(formIds()).as("generated forms have no file that would compete with them")
        .doesNotContainAnyElementsOf(GENERATED_FORMS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cn.lianban.forms.FormSchemas#formFiles")
  void formIsWellFormed(Path file) {
    JsonNode form = read(file);
    String name = baseName(file);

    assertThat(form.isObject()).isTrue();
    assertThat(form.path("id").asText()).as("form id").isEqualTo(name);
    assertThat(form.path("schemaVersion").asInt()).as("schemaVersion").isEqualTo(SCHEMA_VERSION);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("exporter").path("name").asText()).isEqualTo("lianban");
    assertThat(form.path("components").isArray()).as("components is an array").isTrue();
    assertThat(form.path("components").size()).as("components").isPositive();

    List<JsonNode> all = components(form);
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (JsonNode c : all) {
      String type = c.path("type").asText();
      String id = c.path("id").asText();
      assertThat(id).as("id of a %s component in %s", type, name).isNotBlank()
          .startsWith(shortName(name) + "_");
      assertThat(ids.add(id)).as("id %s unique in %s", id, name).isTrue();
      assertThat(ALLOWED_TYPES).as("type of %s", id).contains(type);

      if (c.has("key")) {
        assertThat(KEYED_TYPES).as("%s: only input types carry a key", id).contains(type);
      }
      if (KEYED_TYPES.contains(type)) {
        String key = c.path("key").asText();
        assertThat(key).as("key of %s", id).matches(KEY);
        assertThat(keys.add(key)).as("key %s unique in %s", key, name).isTrue();
        assertThat(id).as("id of the field bound to %s", key).isEqualTo(shortName(name) + "_" + key);
        assertThat(label(c)).as("label of %s", id).isNotBlank().containsPattern(CJK);
      }
      if (OPTION_TYPES.contains(type) && c.has("valuesKey")) {
        assertThat(c.has("values")).as("%s: options come either from a variable or from the form", id).isFalse();
      } else if (OPTION_TYPES.contains(type)) {
        JsonNode values = c.path("values");
        assertThat(values.isArray() && values.size() > 0).as("static options of %s", id).isTrue();
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode option : values) {
          assertThat(option.path("label").asText()).as("option label in %s", id).containsPattern(CJK);
          JsonNode value = option.path("value");
          assertThat(value.isTextual() || value.isNumber() || value.isBoolean())
              .as("option value %s in %s is a scalar", value, id).isTrue();
          assertThat(seen.add(value)).as("option value %s unique in %s", value, id).isTrue();
        }
      }
      if (type.equals("text")) {
        assertThat(c.path("text").asText()).as("text of %s", id).containsPattern(CJK);
      }
      if (disabled(c)) {
        assertThat(required(c))
            .as("%s: a disabled field is never validated, so it must not claim to be required", id)
            .isFalse();
      }
      assertThat(c.has("readonly"))
          .as("%s: display fields are disabled, since form-js 1.8 submits readonly ones", id).isFalse();
      if (type.equals("checkbox")) {
        assertThat(required(c)).as("%s: form-js treats an unticked required checkbox as missing", id)
            .isFalse();
      }
      if (type.equals("number") && !DEGREES.contains(c.path("key").asText())) {
        assertThat(c.path("decimalDigits").asInt(-1)).as("%s: numbers are whole", id).isZero();
      }
      if (c.has("conditional")) {
        assertThat(c.path("conditional").path("hide").asText())
            .as("%s: conditional.hide is a FEEL expression", id).startsWith("=");
      }
    }
    assertThat(keys).as("%s binds at least one variable", name).isNotEmpty();
  }

  // ---------------------------------------------------------------- contract checks

  @Test
  void startFormSubmitsExactlyTheContractStartVariables() {
    JsonNode form = form("joint-handling-start");
    assertThat(submittedKeys(form)).containsAll(START_KEYS);
    assertThat(submittedKeys(form)).isEqualTo(union(START_KEYS, EXTRAS.get("joint-handling-start")));
    assertThat(allKeys(form)).as("the start form shows nothing it does not submit")
        .isEqualTo(submittedKeys(form));
  }

  @Test
  void startFormValidatesLikeTheContract() {
    JsonNode form = form("joint-handling-start");

    JsonNode title = field(form, "title");
    assertThat(title.path("type").asText()).isEqualTo("textfield");
    assertThat(required(title)).isTrue();
    assertThat(title.path("validate").path("maxLength").asInt()).isEqualTo(100);

    assertThat(required(field(form, "description"))).isTrue();

    JsonNode category = field(form, "category");
    assertThat(category.path("type").asText()).isEqualTo("select");
    assertThat(required(category)).isTrue();
    assertThat(textValues(category)).containsExactlyElementsOf(CATEGORIES);

    JsonNode community = field(form, "communityCode");
    assertThat(required(community)).as("a secretary's own community is filled in from her login").isFalse();
    assertThat(community.path("description").asText()).contains("默认为本人所在社区");
    Pattern code = Pattern.compile(community.path("validate").path("pattern").asText());
    assertThat(code.matcher("C-DL-01").find()).isTrue();
    assertThat(code.matcher("C-DL-1").find()).isFalse();
    assertThat(code.matcher("c-dl-01").find()).isFalse();
    assertThat(code.matcher("XC-DL-01X").find()).isFalse();

    JsonNode location = field(form, "location");
    assertThat(required(location)).isFalse();
    assertThat(location.path("validate").path("maxLength").asInt()).isEqualTo(200);

    for (String key : List.of("lat", "lon")) {
      JsonNode n = field(form, key);
      assertThat(n.path("type").asText()).as(key).isEqualTo("number");
      assertThat(required(n)).as("%s is optional", key).isFalse();
      assertThat(n.path("decimalDigits").asInt()).as("%s keeps decimals", key).isEqualTo(6);
    }

    for (String key : List.of("households", "estimatedCost")) {
      JsonNode n = field(form, key);
      assertThat(n.path("type").asText()).as(key).isEqualTo("number");
      assertThat(required(n)).as(key).isTrue();
      assertThat(n.path("validate").path("min").asInt(-1)).as(key).isZero();
      assertThat(n.path("decimalDigits").asInt(-1)).as("%s is whole", key).isZero();
      assertThat(n.path("serializeToString").asBoolean(false)).as("%s submitted as a number", key).isFalse();
    }
    assertThat(field(form, "estimatedCost").path("defaultValue").asInt(-1)).isZero();

    for (String key : List.of("multiCommunity", "multiDepartment", "safetyRisk")) {
      JsonNode b = field(form, key);
      assertThat(b.path("type").asText()).as(key).isEqualTo("checkbox");
      assertThat(b.path("defaultValue").isBoolean() && !b.path("defaultValue").asBoolean())
          .as("%s defaults to false", key).isTrue();
      // form-js treats an unticked required checkbox as missing
      assertThat(required(b)).as(key).isFalse();
    }
  }

  @Test
  void taskFormsSubmitExactlyWhatTheTaskCompletesWith() {
    COMPLETES_WITH.forEach((id, keys) -> {
      JsonNode form = form(id);
      Set<String> submitted = submittedKeys(form);
      assertThat(submitted).as(id).containsAll(keys);
      assertThat(submitted).as("%s submits nothing else (display fields are disabled)", id)
          .isEqualTo(union(keys, EXTRAS.getOrDefault(id, Set.of())));
    });
  }

  @Test
  void rateFormOffersExactlyTheThreeColours() {
    JsonNode form = form("joint-handling-rate");
    JsonNode color = field(form, "color");
    assertThat(required(color)).isTrue();
    assertThat(textValues(color)).containsExactlyElementsOf(COLORS);
    assertThat(allKeys(form)).as("the proposal is shown as words, not as a disabled field")
        .doesNotContain("proposedColor");
    assertThat(texts(form)).anyMatch(t -> t.contains("{{proposedColorLabel}}"));

    JsonNode reason = field(form, "overrideReason");
    assertThat(reason.path("type").asText()).isEqualTo("textarea");
    assertThat(reason.path("description").asText()).contains("与系统建议不一致时必填");
    assertThat(reason.path("conditional").path("hide").asText())
        .as("the reason is asked for only when the colour differs from the proposal")
        .startsWith("=").contains("color = proposedColor");
    assertThat(required(reason)).isTrue();
  }

  @Test
  void meetFormChoosesDepartmentsFromTheDirectory() {
    JsonNode form = form("joint-handling-meet");
    JsonNode lead = field(form, "leadDept");
    assertDepartmentSelect(lead);
    assertThat(required(lead)).isTrue();

    JsonNode co = field(form, "coDepts");
    assertThat(co.path("type").asText()).as("a list of codes").isEqualTo("taglist");
    assertThat(required(co)).as("coDepts may be empty").isFalse();
    assertThat(Set.copyOf(textValues(co))).isEqualTo(DEPARTMENTS);

    JsonNode deadline = field(form, "deadline");
    assertThat(deadline.path("type").asText()).isEqualTo("datetime");
    assertThat(deadline.path("subtype").asText()).as("ISO date only").isEqualTo("date");
    assertThat(required(deadline)).isTrue();

    assertThat(required(field(form, "minutes"))).isTrue();
    JsonNode funds = field(form, "funds");
    assertThat(funds.path("type").asText()).isEqualTo("number");
    assertThat(funds.path("validate").path("min").asInt(-1)).isZero();
  }

  @Test
  void booleanDecisionsAreRequiredRadiosWithBooleanValues() {
    Map<String, String> decisions = new LinkedHashMap<>();
    decisions.put("joint-handling-handle", "resolved");
    decisions.put("joint-handling-approve", "approved");
    decisions.put("joint-handling-evaluate", "satisfied");
    decisions.put("joint-handling-extension", "extensionApproved");
    decisions.forEach((id, key) -> assertBooleanDecision(form(id), key));
  }

  @Test
  void textAnswersOfTheTasksAreRequired() {
    assertThat(required(field(form("joint-handling-handle"), "result"))).isTrue();
    assertThat(required(field(form("joint-handling-assist"), "assistResult"))).isTrue();
    assertThat(required(field(form("joint-handling-approve"), "comment"))).isTrue();
  }

  @Test
  void evaluateFormBoundsSatisfactionOneToFive() {
    assertSatisfactionOneToFive(form("joint-handling-evaluate"));
  }

  /** What the process writes for the forms to show (IssueLabels, IssueStatus, CaseClock, RegisterIssue …). */
  static final Set<String> DISPLAY_VARIABLES = Set.of(
      "caseNo", "title", "description", "communityName", "categoryName", "location", "households",
      "estimatedCost", "proposedColorLabel", "colorLabel", "levelLabel", "statusLabel", "leadDeptName",
      "coDeptsLabel", "dueLabel", "timeLightLabel", "minutes", "meetingTimeLabel", "meetingPlace",
      "handlingRounds", "roundResult", "escalationReasonLabel", "escalations", "reopens",
      // 区域共性问题 (CommonProblems): similar cases at rating, the communities of a merged case
      "similarCases", "communitiesLabel", "evaluatorName",
      // issue 13: acceptance and extension
      "acceptanceLabel", "extensionNote", "originalDueLabel", "extensionUntilLabel", "extensionReason");

  static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

  @Test
  void taskFormsStartWithTheCaseAndShowTheirContextInWords() {
    for (String id : COMPLETES_WITH.keySet()) {
      JsonNode form = form(id);
      String first = form.path("components").get(0).path("text").asText();
      assertThat(first).as("%s starts with the case number, the title and the link to the case page", id)
          .contains("{{caseNo}}", "{{title}}", "(/cases/{{caseNo}})");
      assertThat(displayedKeys(form)).as("%s shows context as text, not as disabled fields", id).isEmpty();
      for (String text : texts(form)) {
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
          assertThat(DISPLAY_VARIABLES).as("%s shows {{%s}}, which the process must write", id, m.group(1))
              .contains(m.group(1));
        }
      }
    }
  }

  @Test
  void theMeetingFormShowsTheVenueAndMovesTheMeetingToAFreeSlot() {
    JsonNode form = form("joint-handling-meet");
    assertThat(String.join("\n", texts(form))).contains("{{meetingTimeLabel}}", "{{meetingPlace}}");
    JsonNode slot = field(form, "meetingSlot");
    assertThat(slot.path("valuesKey").asText()).isEqualTo("meetingSlots");
    // Tasklist hands a valuesKey's list only to components at the top level of the form
    assertThat(form.path("components")).contains(slot);
    assertThat(slot.path("conditional").path("hide").asText()).contains("moveMeeting");
    for (String decision : List.of("leadDept", "coDepts", "deadline", "minutes", "funds")) {
      assertThat(field(form, decision).path("conditional").path("hide").asText())
          .as("%s is not asked for when the meeting is only moved", decision).isEqualTo("=moveMeeting = true");
    }
  }

  private static List<String> texts(JsonNode form) {
    return components(form).stream().filter(c -> c.path("type").asText().equals("text"))
        .map(c -> c.path("text").asText()).toList();
  }
}
