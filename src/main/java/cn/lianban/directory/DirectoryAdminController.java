package cn.lianban.directory;

import java.io.ByteArrayInputStream;
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
import cn.lianban.workbook.Uploads;
import cn.lianban.workbook.Workbooks.Problem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * 组织目录 (/admin/directory): the template and the current directory as Excel, and the import: an upload is read
 * and checked in full, the report shown, and nothing changes until the admin confirms (确认导入). The checked file
 * waits in the admin's own session under a random token (the last upload only: a newer upload or another tab's
 * report replaces it); confirming checks it again and applies it.
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
        Uploads.download(response, "组织目录模板.xlsx", out -> DirectoryWorkbook.write(List.of(), List.of(), out));
    }

    @GetMapping("/export.xlsx")
    void export(HttpServletResponse response) throws IOException {
        Uploads.download(response, "组织目录.xlsx", out -> DirectoryWorkbook.write(imports.units(), imports.peopleRows(), out));
    }

    @PostMapping("/import")
    String check(@RequestParam(required = false) MultipartFile file, Principal user, HttpSession session, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的 Excel 文件");
            return VIEW;
        }
        byte[] bytes = file.getBytes();
        Content content = read(bytes, model);
        if (content == null) {
            return VIEW;
        }
        List<Problem> problems = imports.check(content, user.getName());
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            DirectoryImport.Plan plan = imports.plan(content);
            model.addAttribute("plan", plan);
            if (!plan.unchanged()) {
                model.addAttribute("token", Uploads.hold(session, WAITING, bytes));
            }
        }
        return VIEW;
    }

    @PostMapping("/import/confirm")
    String apply(@RequestParam String token, Principal user, HttpSession session, Model model) {
        byte[] waiting = Uploads.take(session, WAITING, token).orElse(null);
        if (waiting == null) {
            model.addAttribute("error", "这份文件已导入或已过期，请重新上传");
            return VIEW;
        }
        Content content = read(waiting, model);
        if (content == null) {
            return VIEW;
        }
        List<Problem> problems = imports.check(content, user.getName());
        if (!problems.isEmpty()) {
            // the directory changed since the report: show the new report, change nothing
            model.addAttribute("problems", problems);
            return VIEW;
        }
        model.addAttribute("result", imports.apply(content, user.getName()));
        return VIEW;
    }

    private static Content read(byte[] bytes, Model model) {
        try {
            return DirectoryWorkbook.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            model.addAttribute("error", "无法读取这个文件：请上传用下载的模板填写的 Excel（.xlsx）文件");
            return null;
        }
    }
}
