package cn.lianban.common;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The base of each process's one typed accessor ({@code IssueVariables}, {@code TicketVariables}, …): the
 * subclass names every variable of its process once, as a private constant, and offers typed getters and
 * setters; this class only reads and writes by name, in the types the contract gives (text, whole numbers as
 * Long, flags as Boolean, instants as Date). It wraps a running scope (a delegate's or listener's execution, a
 * task) or, for history and REST reads, the variables as a map.
 */
public abstract class ProcessVariables {

    private final VariableScope scope;
    private final Map<String, Object> values;

    /** Over a running execution or task: reads and writes go to the engine. */
    protected ProcessVariables(VariableScope scope) {
        this.scope = scope;
        this.values = null;
    }

    /** Over variables already read (history, a start request): read only. */
    protected ProcessVariables(Map<String, Object> values) {
        this.scope = null;
        this.values = values;
    }

    /** Adds a start variable to {@code variables} when given: a start form leaves out what is not filled in. */
    protected static void putGiven(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    protected Object raw(String name) {
        return scope != null ? scope.getVariable(name) : values.get(name);
    }

    protected boolean has(String name) {
        return scope != null ? scope.hasVariable(name) : values.containsKey(name);
    }

    /** Text, blank as null; other types by their text. */
    protected String text(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A whole number; forms send Long, Integer or Double. */
    protected Long number(String name) {
        return raw(name) instanceof Number n ? n.longValue() : null;
    }

    /** A form's yes/no answer; null when it gave none (unlike {@link #flag}, which reads no answer as false). */
    protected Boolean answer(String name) {
        return raw(name) instanceof Boolean b ? b : null;
    }

    protected boolean flag(String name) {
        return Boolean.TRUE.equals(raw(name));
    }

    protected Instant instant(String name) {
        return raw(name) instanceof Date d ? d.toInstant() : null;
    }

    protected void set(String name, Object value) {
        writable().setVariable(name, value instanceof Instant i ? Date.from(i) : value);
    }

    /**
     * Sets a value that is often missing (no member, no phone, no helpers) without making a variable for nothing:
     * null writes only over a variable that exists, e.g. a start field as the client sent it. Each variable costs
     * rows at runtime and in history (bench/README.md, "Throughput benchmark"), and a reader gets null either way.
     */
    protected void setOrClear(String name, Object value) {
        if (value != null || has(name)) {
            set(name, value);
        }
    }

    protected void remove(String name) {
        writable().removeVariable(name);
    }

    /** The running scope, for helpers that write several variables (e.g. {@link CaseClock}). */
    protected VariableScope writable() {
        if (scope == null) {
            throw new IllegalStateException("read-only process variables");
        }
        return scope;
    }
}
