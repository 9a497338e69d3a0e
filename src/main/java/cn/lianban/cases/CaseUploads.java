package cn.lianban.cases;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import cn.lianban.common.ApiException;
import cn.lianban.common.BadRequest;
import cn.lianban.common.CaseLog;
import cn.lianban.common.Forbidden;
import cn.lianban.common.NotFound;

/**
 * Attaching files to a case and reading them back, for whoever may see the case: up to 10 MB, pictures (JPEG, PNG,
 * WebP), PDF, Word and Excel, the type told by the content. An upload is recorded in the case's audit trail.
 * Pictures lose their metadata ({@link ImageMetadata}) before they are stored, and again as they are served, for
 * those stored before stripping existed.
 */
@Service
class CaseUploads {

    static final DataSize MAX_SIZE = DataSize.ofMegabytes(10);
    static final String TOO_LARGE = "file_too_large";
    static final String UNSUPPORTED = "unsupported_type";
    static final String MISSING = "file_missing";
    private static final int MAX_NAME = 255;

    private final CaseFiles cases;
    private final CaseAttachments attachments;
    private final CaseLog log;

    CaseUploads(CaseFiles cases, CaseAttachments attachments, CaseLog log) {
        this.cases = cases;
        this.attachments = attachments;
        this.log = log;
    }

    @Transactional
    CaseAttachments.Attachment upload(String businessKey, MultipartFile file, Authentication user) {
        CaseFacts c = cases.visible(businessKey, user).orElseThrow(() -> caseNotFound(businessKey));
        if (CaseVisibility.isDeputy(user)) {
            throw new Forbidden("两代表一委员只能查看事项和发表意见，不能上传附件");
        }
        if (file == null || file.isEmpty()) {
            throw new BadRequest(MISSING, "请选择要上传的文件（file）");
        }
        // the multipart limit of application.yaml refuses bigger uploads earlier (UploadLimit); this holds if it is raised
        if (file.getSize() > MAX_SIZE.toBytes()) {
            throw tooLarge();
        }
        byte[] content = bytes(file);
        FileType type = FileType.of(content).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                UNSUPPORTED, "只能上传 JPG、PNG、WebP 图片，PDF 文件，Word（.docx）或 Excel（.xlsx）文件"));
        String name = name(file.getOriginalFilename());
        CaseAttachments.Attachment added = attachments.add(c.businessKey(), name, type,
                ImageMetadata.strip(type, content), user.getName());
        log.record(c.businessKey(), c.processInstanceId(), ActionLabels.ATTACHED, name);
        return added;
    }

    /** The file, a picture without its metadata; 404 for whoever may not see its case. */
    CaseAttachments.StoredFile download(long id, Authentication user) {
        CaseAttachments.StoredFile file = attachments.caseOf(id).flatMap(key -> cases.visible(key, user))
                .flatMap(c -> attachments.file(id)).orElseThrow(() -> attachmentNotFound(id));
        return FileType.stored(file.attachment().contentType())
                .map(type -> new CaseAttachments.StoredFile(file.attachment(),
                        ImageMetadata.strip(type, file.content())))
                .orElse(file);
    }

    /**
     * A picture's thumbnail ({@link Thumbnails}), or the picture itself where none can be made (WebP), which the
     * page then shows scaled down; 404 for a file that is no picture and for whoever may not see its case.
     */
    CaseAttachments.StoredFile thumbnail(long id, Authentication user) {
        CaseAttachments.StoredFile file = download(id, user);
        CaseAttachments.Attachment a = file.attachment();
        FileType type = FileType.stored(a.contentType()).filter(FileType::isPicture)
                .orElseThrow(() -> new NotFound("no_thumbnail", "该附件不是图片，没有缩略图：" + id));
        return Thumbnails.of(type, file.content())
                .map(small -> new CaseAttachments.StoredFile(new CaseAttachments.Attachment(a.id(), a.name(),
                        a.contentType(), small.length), small))
                .orElse(file);
    }

    static NotFound attachmentNotFound(String id) {
        return new NotFound("attachment_not_found", "附件不存在：" + id);
    }

    private static NotFound attachmentNotFound(long id) {
        return attachmentNotFound(String.valueOf(id));
    }

    static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "附件不能超过 10 MB");
    }

    static NotFound caseNotFound(String businessKey) {
        return new NotFound("case_not_found", "案件不存在：" + businessKey);
    }

    /** The file's own name without any folder a browser sent along; 附件 when it has none. */
    private static String name(String original) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'),
                original.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            return "附件";
        }
        return name.length() <= MAX_NAME ? name : name.substring(name.length() - MAX_NAME);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
