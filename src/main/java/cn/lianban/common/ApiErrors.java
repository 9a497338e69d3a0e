package cn.lianban.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns refused requests to the project's JSON endpoints into the contract's error body with a Chinese message.
 * Every answer names its content type: a caller whose {@code Accept} the endpoint cannot serve (e.g.
 * {@code application/xml}) gets its 406 as JSON, instead of an empty 500 when Spring finds no way to write the
 * error either. Requests refused before a controller is chosen (unknown path, wrong method) are answered by
 * {@code web/ErrorPages} in the same shape.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return answer(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "bad_parameter", "缺少参数 " + e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return answer(HttpStatus.BAD_REQUEST, "bad_parameter", "缺少上传内容 " + e.getRequestPartName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return answer(HttpStatus.BAD_REQUEST, "bad_parameter", "缺少请求头 " + e.getHeaderName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "bad_parameter", "参数 " + e.getName() + " 的值无法识别");
    }

    /** Other missing or unreadable parts of the request line (path variables, cookies, ...). */
    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ApiError> badRequestLine(ServletRequestBindingException e) {
        return answer(HttpStatus.BAD_REQUEST, "bad_parameter", "请求缺少必要的参数或参数格式不对");
    }

    /** A body that is not JSON, or whose values do not fit (without this, Spring answers with its own error page). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e) {
        BadRequest reason = JsonBodies.unreadable(e.getMostSpecificCause());
        return answer(HttpStatus.BAD_REQUEST, reason.code(), reason.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable() {
        return answer(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "此接口只提供 JSON 格式（application/json）的结果");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedBody() {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "请求内容的格式不受支持，请以 JSON 提交");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "此地址不支持 " + e.getMethod() + " 请求");
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ApiError> forbidden(Forbidden e) {
        return answer(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(code, message));
    }
}
