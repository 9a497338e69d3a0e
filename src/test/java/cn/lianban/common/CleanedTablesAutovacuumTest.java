package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A mistyped share stops the start with the setting's name; on PostgreSQL the options are checked by PostgresFullPathTest. */
class CleanedTablesAutovacuumTest {

    @Test
    void aShareOutsideZeroToTwentyPercentIsRefused() {
        for (double wrong : new double[] {0, -0.01, 0.5, Double.NaN}) {
            assertThatThrownBy(() -> new CleanedTablesAutovacuum(null, List.of(), wrong))
                    .hasMessageContaining("lianban.history.vacuum-scale-factor must be above 0 and at most 0.2");
        }
        assertThatCode(() -> new CleanedTablesAutovacuum(null, List.of(), 0.2)).doesNotThrowAnyException();
    }
}
