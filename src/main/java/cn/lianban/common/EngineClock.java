package cn.lianban.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's notion of "now", in Beijing time, and the application's one {@link Clock} bean
 * ({@link Clocks}). Due dates, throttles and outboxes must all run on the clock that fires the timers, which
 * tests move with ClockUtil. This is the only place main code touches an engine {@code impl} class; a move to a
 * Camunda fork changes the import here and nowhere else.
 */
public final class EngineClock extends Clock {

    public static final ZoneId ZONE = cn.lianban.calendar.WorkingCalendar.ZONE;

    static final EngineClock INSTANCE = new EngineClock(ZONE);

    private final ZoneId zone;

    public static ZonedDateTime now() {
        return INSTANCE.instant().atZone(ZONE);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }
}
