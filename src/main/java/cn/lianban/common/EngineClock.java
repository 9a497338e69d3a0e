package cn.lianban.common;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's notion of "now". Due dates must be computed on the same clock that fires
 * the timers, which tests move with ClockUtil. This is the only place main code touches an engine
 * {@code impl} class; a move to a Camunda fork changes the import here and nowhere else.
 */
public final class EngineClock {

    public static final ZoneId ZONE = cn.lianban.calendar.WorkingCalendar.ZONE;

    public static ZonedDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
    }

    private EngineClock() {
    }
}
