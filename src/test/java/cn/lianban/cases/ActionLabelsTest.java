package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every action code the sources write into the audit trail has a Chinese name on the case page. */
class ActionLabelsTest {

    /** A call that writes an audit entry, up to the end of its statement. */
    private static final Pattern CALL = Pattern.compile("(?:\\.record|\\.entry|\\.step)\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");

    @Test
    void everyCodeWrittenHasAName() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(source));
                while (call.find()) {
                    Matcher code = CODE.matcher(call.group(1));
                    while (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        assertThat(codes).as("codes found in the sources").contains("FILED", "MEETING", "HANDLED", "ASSISTED",
                "RAISED", "RETURNED", "CLAIMED", "ORDERED");
        for (String process : new String[]{"joint-handling", "ticket", "resource-claim"}) {
            assertThat(codes).allSatisfy(code -> assertThat(ActionLabels.of(process, code)).as(process + " " + code)
                    .isNotEqualTo(ActionLabels.UNNAMED).matches("\\p{IsHan}+"));
        }
        assertThat(ActionLabels.of("joint-handling", "CLOSED")).isEqualTo("销号");
        assertThat(ActionLabels.of("ticket", "CLOSED")).isEqualTo("办结");
        assertThat(ActionLabels.of("ticket", "SOMETHING_NEW")).isEqualTo("其他记录");
    }
}
