package cn.lianban.cases;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.lianban.common.BadRequest;
import cn.lianban.common.NotFound;

/** The contract's "One case, one page" as JSON: one case with its story, 我的事项, and the case's files. */
@RestController
class CaseApi {

    private final CaseFiles cases;
    private final CaseUploads uploads;

    CaseApi(CaseFiles cases, CaseUploads uploads) {
        this.cases = cases;
        this.uploads = uploads;
    }

    @GetMapping("/api/cases/{businessKey}")
    CaseView one(@PathVariable String businessKey, Authentication user) {
        return cases.find(businessKey, user).map(CaseFiles.CaseFile::view)
                .orElseThrow(() -> CaseUploads.caseNotFound(businessKey));
    }

    /** {@code ?scope=mine} (the only scope), {@code page} from 1, {@code size} up to 200 (default 50). */
    @GetMapping("/api/cases")
    List<CaseView> mine(@RequestParam(required = false) String scope, @RequestParam(required = false) String page,
                        @RequestParam(required = false) String size, Authentication user) {
        Paging paging = Paging.of(scope, page, size);
        return cases.mine(user, paging.page(), paging.size());
    }

    @PostMapping(path = "/api/cases/{businessKey}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseAttachments.Attachment> attach(@PathVariable String businessKey,
                                                      @RequestParam(name = "file", required = false) MultipartFile file,
                                                      Authentication user) {
        CaseAttachments.Attachment added = uploads.upload(businessKey, file, user);
        return ResponseEntity.created(URI.create("/api/attachments/" + added.id())).body(added);
    }

    @GetMapping("/api/attachments/{id}")
    ResponseEntity<byte[]> file(@PathVariable String id, Authentication user) {
        CaseAttachments.StoredFile file = uploads.download(number(id), user);
        CaseAttachments.Attachment a = file.attachment();
        // pictures and PDFs open in the browser; Office files are saved
        boolean inline = a.contentType().startsWith("image/") || a.contentType().equals(FileType.PDF.contentType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(file.content());
    }

    /** An id that is no number names no attachment. */
    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("attachment_not_found", "附件不存在：" + id);
        }
    }

    /** The page of 我的事项 a request asks for. */
    record Paging(int page, int size) {

        static final int DEFAULT_SIZE = 50;

        static Paging of(String scope, String page, String size) {
            if (scope != null && !scope.isBlank() && !"mine".equals(scope.strip())) {
                throw new BadRequest("bad_scope", "scope 只能是 mine（本人及本单位的事项）");
            }
            return new Paging(positive(page, 1, Integer.MAX_VALUE / CaseFiles.MAX_PAGE_SIZE, "bad_page", "page 须为从 1 开始的页码"),
                    positive(size, DEFAULT_SIZE, CaseFiles.MAX_PAGE_SIZE, "bad_size",
                            "size 须为 1 到 " + CaseFiles.MAX_PAGE_SIZE + " 之间的整数"));
        }

        private static int positive(String text, int fallback, int max, String code, String message) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= 1 && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new BadRequest(code, message);
        }
    }
}
