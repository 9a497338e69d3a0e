package cn.lianban.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The running clock of a case or ticket as process variables, so Tasklist cards and the case page
 * show the deadline and the 时效灯 without computing: {@code clockStart}, {@code clockDue} (dates),
 * {@code dueLabel} ("2026-12-10 18:00"), {@code timeLight} (GREEN/YELLOW/RED, null when no clock runs)
 * and {@code timeLightLabel} (正常/临期/逾期). A refresher moves the light on as time passes.
 */
public final class CaseClock {

    public static final String START = "clockStart";
    public static final String DUE = "clockDue";
    public static final String DUE_LABEL = "dueLabel";
    public static final String LIGHT = "timeLight";
    public static final String LIGHT_LABEL = "timeLightLabel";

    /** A clock starts (or restarts) now and runs out at {@code due}. */
    public static void start(VariableScope scope, Instant due) {
        Instant now = EngineClock.now().toInstant();
        scope.setVariable(START, Date.from(now));
        scope.setVariable(DUE, Date.from(due));
        scope.setVariable(DUE_LABEL, LocalTimes.minutes(due));
        light(scope, TimeLight.of(now, due, now));
    }

    /** No clock runs any more (closed, or waiting on someone without a limit). */
    public static void stop(VariableScope scope) {
        // removed rather than set to null: Tasklist shows a null column as an empty placeholder on the card
        scope.removeVariable(LIGHT);
        scope.removeVariable(LIGHT_LABEL);
    }

    /** No clock runs while the case waits as {@code why} says (e.g. on the register): the card's deadline says so. */
    public static void stop(VariableScope scope, String why) {
        stop(scope);
        scope.setVariable(DUE_LABEL, why);
    }

    /** The light of the running clock as of now, its time counted on working days; null when none runs. */
    public static TimeLight current(Date start, Date due, Predicate<LocalDate> workingDay) {
        return start == null || due == null ? null
                : TimeLight.of(start.toInstant(), due.toInstant(), EngineClock.now().toInstant(), workingDay);
    }

    public static void light(VariableScope scope, TimeLight light) {
        scope.setVariable(LIGHT, light == null ? null : light.name());
        scope.setVariable(LIGHT_LABEL, light == null ? null : light.label());
    }

    private CaseClock() {
    }
}
