package cn.lianban.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import cn.lianban.common.ApiError;
import cn.lianban.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An upload over the multipart limit (spring.servlet.multipart, 10 MB) is refused while the request is read,
 * before any controller is chosen, so only an advice without a controller selector sees it: 413 with the
 * contract's error body, or, for the case page's upload form, back to the page with the reason.
 */
@ControllerAdvice
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/cases/")) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", request.getContextPath()
                    + CasePages.pageOfUpload(path) + "?error=" + CaseUploads.TOO_LARGE).build();
        }
        ApiException refused = CaseUploads.tooLarge();
        return ResponseEntity.status(refused.status()).body(new ApiError(refused.code(), refused.getMessage()));
    }
}
