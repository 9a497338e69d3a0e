package cn.lianban.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import cn.lianban.common.ApiError;
import cn.lianban.security.RefusalHandler;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error the servlet container sees (404 of an unknown path, 403 of a refused login, 500, ...) in place of
 * Spring's English "Whitelabel Error Page": a Chinese page for browsers, and for the JSON API (and any caller
 * that does not ask for HTML) the contract's body {@code {"error", "message"}}. Technical details (exception
 * names, stack traces) are never shown; the log has them.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    @RequestMapping
    public Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String message = message(request, status);
        if (wantsJson(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(status.name().toLowerCase(), message));
        }
        return new ModelAndView("error", Map.of("status", status.value(), "title", title(status),
                "message", message), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        // /error opened by hand is no error of its own: there is no such page
        return status == null ? HttpStatus.NOT_FOUND : status;
    }

    /** JSON for the project's API and for callers that do not ask for HTML (apps, curl, the webapps' API calls). */
    private static boolean wantsJson(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String p && p.startsWith("/api/")) {
            return true;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
            return accepted.stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求有误";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "没有权限";
            case NOT_FOUND -> "页面不存在";
            case METHOD_NOT_ALLOWED -> "不支持此操作";
            case PAYLOAD_TOO_LARGE -> "提交的内容过大";
            default -> status.is5xxServerError() ? "系统出错了" : "请求未能完成";
        };
    }

    private static String message(HttpServletRequest request, HttpStatus status) {
        Object reason = request.getAttribute(RefusalHandler.REASON);
        if (status == HttpStatus.FORBIDDEN && reason instanceof String r) {
            return r;
        }
        return switch (status) {
            case BAD_REQUEST -> "请求的内容不完整或格式不对，请返回检查后重试。";
            case UNAUTHORIZED -> "请先登录，再打开此页面。";
            case FORBIDDEN -> "您的账号没有权限打开此页面。如需使用，请联系管理员。";
            case NOT_FOUND -> "没有找到这个页面，地址可能有误，或内容已被删除。";
            case METHOD_NOT_ALLOWED -> "此地址不支持这种操作方式。";
            case NOT_ACCEPTABLE -> "此地址无法按所要求的格式回答。";
            case UNSUPPORTED_MEDIA_TYPE -> "提交内容的格式不受支持。";
            case PAYLOAD_TOO_LARGE -> "提交的内容过大，请精简后重试。";
            default -> status.is5xxServerError()
                    ? "请稍后再试；如果问题仍然存在，请联系管理员。"
                    : "请求未能完成，请返回后重试。";
        };
    }
}
