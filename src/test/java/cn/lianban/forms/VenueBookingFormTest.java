package cn.lianban.forms;

import static cn.lianban.forms.FormSchemas.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The approval form of process {@code venue-booking} against what its task completes with; the generic
 * checks of {@link FormsTest} run over it too.
 */
class VenueBookingFormTest {

  /** Variables the process starts with that the form may show, in {@code {{…}}} of its text. */
  static final Set<String> DISPLAYABLE = Set.of(
      "caseNo", "filedLabel", "bookingCode", "venueName", "period", "bookerName", "phone", "purpose");

  @Test
  void approvalFormSubmitsTheDecisionAndAReasonForANo() {
    JsonNode form = form("venue-booking-approve");
    assertThat(submittedKeys(form)).isEqualTo(Set.of("approved", "comment"));
    assertThat(ResourceFormsTest.textOf(form, 0)).as("the booking's number and title first")
        .contains("**预约号** {{caseNo}}", "提交于 {{filedLabel}}", "### {{venueName}}", "{{period}}");
    assertThat(ResourceFormsTest.templated(form)).contains("bookerName", "phone", "purpose")
        .isSubsetOf(DISPLAYABLE).doesNotContain("managerGroup", "venueCode");
    assertThat(displayedKeys(form)).as("shown as text, not as greyed-out inputs").isEmpty();
    assertThat(ResourceFormsTest.textShowing(form, "purpose").path("conditional").path("hide").asText())
        .isEqualTo("=purpose = null or purpose = \"\"");
    assertBooleanDecision(form, "approved");

    JsonNode comment = field(form, "comment");
    assertThat(comment.path("type").asText()).isEqualTo("textarea");
    assertThat(required(comment)).as("required whenever it is shown").isTrue();
    assertThat(comment.path("validate").path("maxLength").asInt()).isEqualTo(100);
    assertThat(comment.path("conditional").path("hide").asText())
        .as("asked for, and submitted, only when the booking is not approved").isEqualTo("=approved != false");
  }
}
