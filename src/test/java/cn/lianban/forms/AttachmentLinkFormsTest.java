package cn.lianban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Photos and files are uploaded "from any task" through the case page: every user task of a joint-handling case
 * and of a ticket, including those added later, links its case page's attachments from the top of its form.
 */
class AttachmentLinkFormsTest {

  static final String LINK = "[查看/上传附件（照片）](/cases/{{caseNo}}#attachments)";
  private static final Pattern USER_TASK_FORM = Pattern.compile("<bpmn:userTask [^>]*camunda:formRef=\"([^\"]+)\"");

  @Test
  void everyTaskFormOfACaseOrTicketLinksItsAttachments() throws IOException {
    Set<String> forms = new LinkedHashSet<>();
    for (String process : new String[] {"joint-handling.bpmn", "ticket.bpmn"}) {
      Matcher m = USER_TASK_FORM.matcher(Files.readString(FormSchemas.PROCESSES.resolve(process)));
      while (m.find()) {
        forms.add(m.group(1));
      }
    }
    assertThat(forms).hasSizeGreaterThan(15);
    for (String id : forms) {
      StringBuilder texts = new StringBuilder();
      FormSchemas.form(id).path("components").forEach(c -> texts.append(c.path("text").asText()));
      assertThat(texts.toString()).as("%s links the case's attachments", id).contains(LINK);
    }
  }
}
