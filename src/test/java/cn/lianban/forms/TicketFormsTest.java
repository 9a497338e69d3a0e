package cn.lianban.forms;

import static cn.lianban.forms.FormSchemas.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the task forms of process {@code ticket} (双联双促工单) against its contract. The generic
 * checks of {@link FormsTest} run over these files too. The start form {@code ticket-start} is
 * built at runtime from the responsibility list, so it has no file here.
 */
class TicketFormsTest {

  /** Contract: what each user task completes with (form id → keys). */
  static final Map<String, Set<String>> COMPLETES_WITH = Map.of(
      "ticket-redispatch", Set.of("deptCode"),
      "ticket-accept", Set.of("accepted", "returnReason"),
      "ticket-decide", Set.of("deptCode"),
      "ticket-resolve", Set.of("result"),
      "ticket-confirm", Set.of("solved"),
      "ticket-rate", Set.of("satisfaction"),
      // issue 13: the street decides a ticket its department could not finish; a helper department's part
      "ticket-street-decide", Set.of("streetDecision", "decisionNote"),
      "ticket-help", Set.of("helpResult"));

  /** Optional notes a form may submit beyond the contract (the decision note is required). */
  static final Map<String, Set<String>> EXTRAS = Map.of(
      "ticket-redispatch", Set.of("dispatchNote"),
      "ticket-decide", Set.of("decisionNote"),
      "ticket-confirm", Set.of("confirmNote"),
      "ticket-rate", Set.of("visitNote"),
      "ticket-street-decide", Set.of("redispatchDept", "jointCategory"));

  /** Process variables of a ticket, in words, that the forms' context may template ({@code {{caseNo}}}). */
  static final Set<String> TEMPLATED = Set.of(
      "caseNo", "itemName", "description", "communityName", "gridName", "location", "deptName",
      "dueLabel", "timeLightLabel", "resolveDays", "acceptedAtLabel", "resolvedAtLabel", "result",
      "streetReason", "returnHistory", "reopens", "confirmNote", "helpRecord", "helperDeptName");

  static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{(?:#if )?([A-Za-z]+)");

  @Test
  void allTicketTaskFormsArePresent() {
    assertThat(formIds()).containsAll(COMPLETES_WITH.keySet());
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
  void everyFormStartsWithTheTicketInWordsAndALinkToItsPage() {
    COMPLETES_WITH.keySet().forEach(id -> {
      String context = context(id);
      assertThat(context).as(id).startsWith("**编号** {{caseNo}} · [查看案件全貌](/cases/{{caseNo}})")
          .contains("{{itemName}}", "{{description}}", "{{communityName}}", "{{location}}", "{{deptName}}")
          .containsAnyOf("{{dueLabel}}", "{{resolveDays}}");
      Matcher used = TEMPLATE_VARIABLE.matcher(context);
      while (used.find()) {
        assertThat(TEMPLATED).as("%s templates %s, a variable the process keeps in words", id, used.group(1))
            .contains(used.group(1));
      }
      assertThat(displayedKeys(form(id))).as("%s shows context as text, not as disabled inputs of codes", id)
          .isEmpty();
    });
  }

  @Test
  void departmentsAreChosenFromTheDirectoryAndShownByName() {
    for (String id : Set.of("ticket-redispatch", "ticket-decide")) {
      JsonNode dept = field(form(id), "deptCode");
      assertDepartmentSelect(dept);
      assertThat(required(dept)).as(id).isTrue();
      assertThat(disabled(dept)).as(id).isFalse();
      assertThat(dept.path("searchable").asBoolean(false)).as("%s: 30 departments are searchable", id).isTrue();
    }
    for (String id : Set.of("ticket-accept", "ticket-resolve", "ticket-confirm", "ticket-rate")) {
      assertThat(allKeys(form(id))).as(id).doesNotContain("deptCode");
      assertThat(context(id)).as("%s names the department", id).contains("{{deptName}}");
    }
  }

  @Test
  void theStreetSeesWhyTheTicketCameToIt() {
    for (String id : Set.of("ticket-redispatch", "ticket-decide")) {
      assertThat(context(id)).as(id).contains("{{streetReason}}", "{{returnHistory}}");
    }
  }

  @Test
  void theResolveFormShowsWhenItWasAcceptedAndTheLimit() {
    assertThat(context("ticket-resolve")).contains("{{acceptedAtLabel}}", "{{resolveDays}}", "{{dueLabel}}",
        "{{timeLightLabel}}");
  }

  @Test
  void acceptFormAsksForAReasonOnlyWhenReturning() {
    JsonNode form = form("ticket-accept");
    assertBooleanDecision(form, "accepted");

    JsonNode reason = field(form, "returnReason");
    assertThat(reason.path("type").asText()).isEqualTo("textarea");
    assertThat(disabled(reason)).isFalse();
    assertThat(required(reason)).as("required whenever it is shown").isTrue();
    assertThat(reason.path("conditional").path("hide").asText())
        .as("hidden, hence neither validated nor submitted, unless the ticket is returned")
        .isEqualTo("=accepted != false");
  }

  @Test
  void confirmFormDecidesWhetherTheProblemIsSolved() {
    assertBooleanDecision(form("ticket-confirm"), "solved");
  }

  @Test
  void rateFormBoundsSatisfactionOneToFive() {
    assertSatisfactionOneToFive(form("ticket-rate"));
  }

  @Test
  void decideFormStatesThatTheDecisionIsFinal() {
    JsonNode form = form("ticket-decide");
    assertThat(components(form))
        .anySatisfy(c -> {
          assertThat(c.path("type").asText()).isEqualTo("text");
          assertThat(c.path("text").asText()).contains("二次退单由街道裁定").contains("不得再退单");
          assertThat(c.has("conditional")).isFalse();
        });
  }

  @Test
  void textAnswersAreRequiredAndNotesOptional() {
    assertThat(required(field(form("ticket-resolve"), "result"))).isTrue();
    assertThat(required(field(form("ticket-decide"), "decisionNote"))).isTrue();
    Map.of("ticket-redispatch", "dispatchNote", "ticket-confirm", "confirmNote", "ticket-rate", "visitNote")
        .forEach((id, key) -> assertThat(required(field(form(id), key))).as("%s %s", id, key).isFalse());
    Map.of("ticket-accept", "returnReason", "ticket-decide", "decisionNote", "ticket-resolve", "result",
            "ticket-redispatch", "dispatchNote", "ticket-confirm", "confirmNote", "ticket-rate", "visitNote")
        .forEach((id, key) -> {
          JsonNode text = field(form(id), key);
          assertThat(text.path("type").asText()).as("%s %s", id, key).isEqualTo("textarea");
          // Camunda 7 stores a String variable in a 4000-character column
          assertThat(text.path("validate").path("maxLength").asInt(0)).as("%s %s", id, key).isBetween(1, 4000);
        });
  }

  @Test
  void resultIsShownWhereItIsJudged() {
    for (String id : Set.of("ticket-confirm", "ticket-rate")) {
      assertThat(context(id)).as(id).contains("{{result}}", "{{resolvedAtLabel}}");
    }
  }

  /** The first component: the ticket's context as markdown with templates. */
  private static String context(String id) {
    JsonNode first = form(id).path("components").get(0);
    assertThat(first.path("type").asText()).as("%s starts with a text", id).isEqualTo("text");
    return first.path("text").asText();
  }
}
