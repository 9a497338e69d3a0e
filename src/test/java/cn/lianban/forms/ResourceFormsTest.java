package cn.lianban.forms;

import static cn.lianban.forms.FormSchemas.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the forms of processes {@code resource-claim} (资源承接) and {@code community-order} (社区点单)
 * against what their steps read. The generic checks of {@link FormsTest} run over these files too.
 */
class ResourceFormsTest {

  /** What each start event and user task's form submits (form id → keys). */
  static final Map<String, Set<String>> SUBMITS = Map.of(
      "resource-claim-start", Set.of("itemCode", "need", "amount", "places"),
      "resource-claim-approve", Set.of("approved", "reason"),
      "resource-claim-deliver", Set.of("deliveryNote"),
      "resource-claim-confirm", Set.of("received", "comment"),
      "community-order-accept", Set.of("accepted", "reason"),
      "community-order-reassign", Set.of("deptCode"),
      "community-order-complete", Set.of("result", "amount"),
      "community-order-confirm", Set.of("confirmed", "comment"));

  /** Process variables the task forms may show, in {@code {{…}}} of their text (the delegates set them). */
  static final Set<String> DISPLAYABLE = Set.of(
      "caseNo", "title", "statusLabel", "filedLabel", "itemCode", "categoryName", "communityName", "deptName",
      "need", "amount", "places", "deliveryNote", "reason", "result");

  /** Variables that hold codes: a form shows their names instead. */
  static final Set<String> CODES = Set.of(
      "deptCode", "communityCode", "communityGroup", "streetCode", "status", "category");


  @Test
  void everyStartAndTaskFormIsPresentAndSubmitsExactlyWhatItsStepReads() {
    assertThat(formIds()).containsAll(SUBMITS.keySet());
    SUBMITS.forEach((id, keys) -> assertThat(submittedKeys(form(id))).as(id).isEqualTo(keys));
  }

  @Test
  void startFormsShowNothingTheyDoNotSubmit() {
    // community-order-start is built from the published lists: resource/CommunityOrderStartFormTest
    for (String id : List.of("resource-claim-start")) {
      assertThat(allKeys(form(id))).as(id).isEqualTo(submittedKeys(form(id)));
    }
  }

  @Test
  void taskFormsOpenWithTheNumberTitleAndStatusAndShowNamesNotCodes() {
    SUBMITS.keySet().stream().filter(id -> !id.endsWith("-start")).forEach(id -> {
      JsonNode form = form(id);
      JsonNode first = form.path("components").get(0);
      assertThat(first.path("type").asText()).as(id).isEqualTo("text");
      assertThat(first.path("text").asText()).as(id)
          .contains("编号** {{caseNo}}", "{{statusLabel}}", "提交于 {{filedLabel}}", "### {{title}}",
              "{{communityName}}", "{{deptName}}", "{{categoryName}}");
      assertThat(templated(form)).as(id).contains("need").isSubsetOf(DISPLAYABLE).doesNotContainAnyElementsOf(CODES);
      assertThat(displayedKeys(form)).as("%s shows the case as text, not as greyed-out inputs", id).isEmpty();
    });
    for (String id : List.of("resource-claim-approve", "resource-claim-deliver", "resource-claim-confirm")) {
      assertThat(textOf(form(id), 0)).as("%s links its item's page", id)
          .contains("[查看清单项目](/resources/{{itemCode}}/claim)");
      for (String key : List.of("amount", "places")) {
        assertThat(textShowing(form(id), key).path("conditional").path("hide").asText()).as("%s %s", id, key)
            .isEqualTo("=" + key + " = null");
      }
    }
  }

  @Test
  void claimStartFormAsksForAnItemCodeOfTheList() {
    JsonNode form = form("resource-claim-start");
    JsonNode code = field(form, "itemCode");
    assertThat(required(code)).isTrue();
    Pattern pattern = Pattern.compile(code.path("validate").path("pattern").asText());
    assertThat(pattern.matcher("RS-2026-11-001").matches()).isTrue();
    assertThat(pattern.matcher("RS-2026-1-001").matches()).isFalse();
    assertThat(required(field(form, "need"))).isTrue();
    for (String key : List.of("amount", "places")) {
      JsonNode n = field(form, key);
      assertThat(n.path("type").asText()).as(key).isEqualTo("number");
      assertThat(required(n)).as("%s depends on the item", key).isFalse();
      assertThat(n.path("validate").path("min").asInt()).as(key).isEqualTo(1);
    }
  }

  @Test
  void decisionsAreRequiredRadiosAndANoAsksWhy() {
    Map.of("resource-claim-approve", "approved", "resource-claim-confirm", "received",
            "community-order-accept", "accepted", "community-order-confirm", "confirmed")
        .forEach((id, key) -> assertBooleanDecision(form(id), key));
    for (String id : List.of("resource-claim-approve", "community-order-accept")) {
      JsonNode reason = field(form(id), "reason");
      assertThat(reason.path("type").asText()).as(id).isEqualTo("textarea");
      assertThat(required(reason)).as("%s: required whenever it is shown", id).isTrue();
      assertThat(reason.path("conditional").path("hide").asText()).as(id).startsWith("=").endsWith("!= false");
    }
    for (String id : List.of("resource-claim-confirm", "community-order-confirm")) {
      JsonNode comment = field(form(id), "comment");
      assertThat(required(comment)).as("%s: the step asks for it only on a no", id).isFalse();
      assertThat(comment.path("description").asText()).as(id).contains("必填");
    }
  }

  @Test
  void departmentsDeliverAndCompleteWithWhatTheyDid() {
    assertThat(required(field(form("resource-claim-deliver"), "deliveryNote"))).isTrue();
    JsonNode complete = form("community-order-complete");
    assertThat(required(field(complete, "result"))).isTrue();
    JsonNode spent = field(complete, "amount");
    assertThat(required(spent)).isTrue();
    assertThat(spent.path("validate").path("min").asInt(-1)).isZero();
    assertThat(templated(form("resource-claim-confirm"))).contains("deliveryNote");
    assertThat(templated(form("community-order-confirm"))).contains("result", "amount");
  }

  @Test
  void theCityCenterReassignsToADepartmentOfTheDirectory() {
    JsonNode form = form("community-order-reassign");
    JsonNode dept = field(form, "deptCode");
    assertDepartmentSelect(dept);
    assertThat(required(dept)).isTrue();
    assertThat(dept.path("searchable").asBoolean(false)).isTrue();
    assertThat(templated(form)).contains("reason");
  }

  // ---------------------------------------------------------------- text templates

  static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

  /** The variables the form's text components show through {@code {{name}}}. */
  static Set<String> templated(JsonNode form) {
    Set<String> names = new LinkedHashSet<>();
    components(form).stream().filter(c -> c.path("type").asText().equals("text")).forEach(c -> {
      Matcher m = TEMPLATE.matcher(c.path("text").asText());
      while (m.find()) {
        names.add(m.group(1));
      }
    });
    return names;
  }

  static String textOf(JsonNode form, int index) {
    return form.path("components").get(index).path("text").asText();
  }

  /** The one text component that shows {@code {{key}}}. */
  static JsonNode textShowing(JsonNode form, String key) {
    List<JsonNode> found = components(form).stream().filter(c -> c.path("type").asText().equals("text")
        && c.path("text").asText().contains("{{" + key + "}}")).toList();
    assertThat(found).as("text showing %s in %s", key, form.path("id").asText()).hasSize(1);
    return found.get(0);
  }
}
