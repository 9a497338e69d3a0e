package cn.lianban.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refused requests to the project's JSON endpoints into the contract's error body (400, 403, 404, 409). */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError badParameter(Exception e) {
        return new ApiError("bad_parameter", e.getMessage());
    }

    /** A body that is not JSON, or whose values do not fit (without this, Spring answers with its own error page). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ApiError unreadableBody(HttpMessageNotReadableException e) {
        BadRequest reason = JsonBodies.unreadable(e.getMostSpecificCause());
        return new ApiError(reason.code(), reason.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ApiError forbidden(Forbidden e) {
        return new ApiError("forbidden", e.getMessage());
    }
}
