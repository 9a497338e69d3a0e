package cn.lianban.cases;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.common.RequestBodies;

/** The contract's "One case, one page" as JSON: one case with its story, 我的事项, and the case's files. */
@RestController
class CaseApi {

    private final CaseFiles cases;
    private final CaseUploads uploads;
    private final RequestBodies bodies;
    private final CaseComments comments;

    CaseApi(CaseFiles cases, CaseUploads uploads, RequestBodies bodies, CaseComments comments) {
        this.comments = comments;
        this.cases = cases;
        this.uploads = uploads;
        this.bodies = bodies;
    }

    @GetMapping("/api/cases/{businessKey}")
    CaseView one(@PathVariable String businessKey, Authentication user) {
        return cases.find(businessKey, user).map(CaseFiles.CaseFile::view)
                .orElseThrow(() -> CaseUploads.caseNotFound(businessKey));
    }

    /** {@code ?scope=mine&page=&size=}, or {@code scope=raised} for what the login filed itself ({@link MineQuery}). */
    @GetMapping("/api/cases")
    List<CaseView> mine(MineQuery query, Authentication user) {
        MineQuery asked = bodies.valid(query);
        return asked.raisedOnly() ? cases.raised(user, asked.pageNumber(), asked.pageSize())
                : cases.mine(user, asked.pageNumber(), asked.pageSize());
    }

    @PostMapping(path = "/api/cases/{businessKey}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseAttachments.Attachment> attach(@PathVariable String businessKey,
                                                      @RequestParam(name = "file", required = false) MultipartFile file,
                                                      Authentication user) {
        CaseAttachments.Attachment added = uploads.upload(businessKey, file, user);
        return ResponseEntity.created(URI.create("/api/attachments/" + added.id())).body(added);
    }

    /** {@code {"text": "…"}}: a deputy's comment on a case of their area ({@link CaseComments}). */
    @PostMapping(path = "/api/cases/{businessKey}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> comment(@PathVariable String businessKey, @RequestBody JsonNode body, Authentication user) {
        comments.comment(businessKey, bodies.read(body, CaseComments.Comment.class), user);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/api/attachments/{id}")
    ResponseEntity<byte[]> file(@PathVariable String id, Authentication user) {
        return served(uploads.download(number(id), user));
    }

    /** A picture at most 240 px on its longest side (a WebP as it is); 404 for other files. */
    @GetMapping("/api/attachments/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable String id, Authentication user) {
        return served(uploads.thumbnail(number(id), user));
    }

    /**
     * An attachment never changes once uploaded, so the browser may keep it for a day; only its own cache (private):
     * a shared cache would hand it to people who may not see the case.
     */
    private static ResponseEntity<byte[]> served(CaseAttachments.StoredFile file) {
        CaseAttachments.Attachment a = file.attachment();
        // pictures and PDFs open in the browser; Office files are saved
        boolean inline = a.contentType().startsWith("image/") || a.contentType().equals(FileType.PDF.contentType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(file.content());
    }

    /** An id that is no number names no attachment. */
    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw CaseUploads.attachmentNotFound(id);
        }
    }
}
