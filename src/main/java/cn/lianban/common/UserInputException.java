package cn.lianban.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user must correct (Chinese message naming the field). Thrown inside a process step it rolls
 * the step back, so nothing half-done is stored; Tasklist shows the message.
 */
public class UserInputException extends BadUserRequestException {

    private final String field;

    public UserInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
