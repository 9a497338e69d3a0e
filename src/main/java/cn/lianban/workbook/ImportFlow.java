package cn.lianban.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;

import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

import cn.lianban.workbook.Workbooks.Problem;

/**
 * The check-then-confirm flow of an Excel import page: an upload is read and checked in full, the report shown, and
 * nothing changes until the person confirms (确认导入). The checked file waits in their own session under a random
 * token (the last upload only: a newer upload or another tab's report replaces it); confirming reads and checks it
 * again and applies it. The page gets the model attributes {@code error}, {@code problems}, {@code plan},
 * {@code token} and {@code result}.
 *
 * @param <C> what the workbook reads as
 */
public final class ImportFlow<C> {

    /** What applying a checked file would change. */
    public interface Plan {
        boolean unchanged();
    }

    /** Reads an uploaded workbook. */
    public interface Reader<C> {
        /** @throws IOException when the file is no workbook at all */
        C read(InputStream in) throws IOException;
    }

    private record Waiting(String token, byte[] file) implements Serializable {
    }

    private final String key;
    private final Reader<C> reader;
    private final Function<C, List<Problem>> checker;
    private final Function<C, Plan> planner;
    private final Function<C, Object> applier;

    /**
     * @param key   the session attribute the checked file waits under, one per import page
     * @param check every problem of every row; empty when the file may be applied
     * @param plan  what applying a checked file would change
     * @param apply applies a checked file; the result is shown on the page
     */
    public ImportFlow(String key, Reader<C> read, Function<C, List<Problem>> check, Function<C, Plan> plan,
                      Function<C, Object> apply) {
        this.key = key;
        this.reader = read;
        this.checker = check;
        this.planner = plan;
        this.applier = apply;
    }

    /** An upload: read, checked and planned; changes nothing. */
    public void check(MultipartFile file, HttpSession session, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的 Excel 文件");
            return;
        }
        byte[] bytes = file.getBytes();
        C content = read(bytes, model);
        if (content == null) {
            return;
        }
        List<Problem> problems = checker.apply(content);
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            Plan plan = planner.apply(content);
            model.addAttribute("plan", plan);
            if (!plan.unchanged()) {
                String token = UUID.randomUUID().toString();
                session.setAttribute(key, new Waiting(token, bytes));
                model.addAttribute("token", token);
            }
        }
    }

    /** 确认导入: the file the token names, checked again (the data may have changed since) and applied. */
    public void confirm(String token, HttpSession session, Model model) {
        Object held = session.getAttribute(key);
        session.removeAttribute(key);
        if (!(held instanceof Waiting waiting) || !waiting.token().equals(token)) {
            model.addAttribute("error", "这份文件已导入或已过期，请重新上传");
            return;
        }
        C content = read(waiting.file(), model);
        if (content == null) {
            return;
        }
        List<Problem> problems = checker.apply(content);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return;
        }
        model.addAttribute("result", applier.apply(content));
    }

    private C read(byte[] bytes, Model model) {
        try {
            return reader.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            model.addAttribute("error", "无法读取这个文件：请上传用下载的模板填写的 Excel（.xlsx）文件");
            return null;
        }
    }
}
