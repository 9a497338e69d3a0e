package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application's one Clock bean is the engine's clock in Beijing time, so ClockUtil moves everything. */
class ClocksTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theClockBeanIsTheEnginesClockInBeijingTime() {
        Clock clock = new Clocks().clock();
        Instant at = Instant.parse("2026-03-01T02:00:00Z");
        ClockUtil.setCurrentTime(Date.from(at));
        assertThat(clock.instant()).isEqualTo(at);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
