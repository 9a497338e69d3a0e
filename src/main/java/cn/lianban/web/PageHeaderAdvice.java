package cn.lianban.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link PageHeader} into the model of every page, so the shared header finds it whichever controller
 * drew the page. Handing over the bean costs nothing; the menu is worked out only when a header is drawn.
 */
@ControllerAdvice
class PageHeaderAdvice {

    private final PageHeader header;

    public PageHeaderAdvice(PageHeader header) {
        this.header = header;
    }

    @ModelAttribute("pageHeader")
    PageHeader pageHeader() {
        return header;
    }
}
