package cn.lianban.directory;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.lianban.directory.DirectoryWorkbook.Content;
import cn.lianban.workbook.Downloads;
import cn.lianban.workbook.ImportFlow;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * 组织目录 (/admin/directory): the template and the current directory as Excel, and the import: an upload is read
 * and checked in full, the report shown, and nothing changes until the admin confirms (确认导入, {@link ImportFlow}).
 * Access to /admin/** (the admin group only) is configured with the rest of security.
 */
@Controller
@RequestMapping("/admin/directory")
class DirectoryAdminController {

    private static final String VIEW = "admin/directory";
    private static final String WAITING = DirectoryAdminController.class.getName() + ".waiting";

    private final DirectoryImport imports;

    DirectoryAdminController(DirectoryImport imports) {
        this.imports = imports;
    }

    @GetMapping
    String page() {
        return VIEW;
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        Downloads.download(response, "组织目录模板.xlsx", out -> DirectoryWorkbook.write(List.of(), List.of(), out));
    }

    @GetMapping("/export.xlsx")
    void export(HttpServletResponse response) throws IOException {
        Downloads.download(response, "组织目录.xlsx", out -> DirectoryWorkbook.write(imports.units(), imports.peopleRows(), out));
    }

    @PostMapping("/import")
    String check(@RequestParam(required = false) MultipartFile file, Principal user, HttpSession session, Model model)
            throws IOException {
        flow(user).check(file, session, model);
        return VIEW;
    }

    @PostMapping("/import/confirm")
    String apply(@RequestParam String token, Principal user, HttpSession session, Model model) {
        flow(user).confirm(token, session, model);
        return VIEW;
    }

    /** The import as {@code user} does it: the file must keep them active. */
    private ImportFlow<Content> flow(Principal user) {
        return new ImportFlow<>(WAITING, DirectoryWorkbook::read, content -> imports.check(content, user.getName()),
                imports::plan, content -> imports.apply(content, user.getName()));
    }
}
