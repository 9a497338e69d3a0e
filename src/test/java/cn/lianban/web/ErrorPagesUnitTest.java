package cn.lianban.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import cn.lianban.common.ApiError;
import jakarta.servlet.RequestDispatcher;

/** What the error page says for a server failure, which no page of the running application fails with on purpose. */
class ErrorPagesUnitTest {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void aFailureOnAPageIsA500PageInChineseWithoutItsCause() {
        MockHttpServletRequest request = failed("/dashboard", "text/html,application/xhtml+xml,*/*;q=0.8");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("ENGINE-03051 boom"));
        ModelAndView page = (ModelAndView) pages.error(request);
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getModel()).containsEntry("status", 500).containsEntry("title", "系统出错了");
        assertThat((String) page.getModel().get("message")).contains("请稍后再试").doesNotContain("ENGINE", "boom");
    }

    @Test
    void aFailureOfTheApiIsTheContractsJson() {
        ResponseEntity<?> answer = (ResponseEntity<?>) pages.error(failed("/api/dashboard", "text/html"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).isEqualTo(new ApiError("internal_server_error",
                "请稍后再试；如果问题仍然存在，请联系管理员。"));
    }

    @Test
    void aCallerThatDoesNotAskForHtmlGetsJson() {
        assertThat(pages.error(failed("/dashboard", "*/*"))).isInstanceOf(ResponseEntity.class);
        assertThat(pages.error(failed("/dashboard", null))).isInstanceOf(ResponseEntity.class);
    }

    private static MockHttpServletRequest failed(String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
