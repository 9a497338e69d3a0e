package cn.lianban.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * What 我的事项 asks for: {@code scope=mine} (the default: filed by the login or of its unit) or {@code scope=raised}
 * (filed by the login only, the phone page's 我的上报), {@code page} from 1, {@code size} up to
 * {@value CaseFiles#MAX_PAGE_SIZE} (default {@value #DEFAULT_SIZE}). A blank value counts as not given.
 */
record MineQuery(
        @Pattern(regexp = "mine|raised", message = "scope 只能是 mine（本人及本单位的事项）或 raised（本人上报的事项）")
        String scope,
        @Pattern(regexp = "\\d+", message = PAGE) @Min(value = 1, message = PAGE)
        @Max(value = LAST_PAGE, message = PAGE) String page,
        @Pattern(regexp = "\\d+", message = SIZE) @Min(value = 1, message = SIZE)
        @Max(value = CaseFiles.MAX_PAGE_SIZE, message = SIZE) String size) {

    static final int DEFAULT_SIZE = 50;
    /** The first row of the last page still fits an int. */
    private static final int LAST_PAGE = Integer.MAX_VALUE / CaseFiles.MAX_PAGE_SIZE;
    private static final String PAGE = "page 须为从 1 开始的页码";
    private static final String SIZE = "size 须为 1 到 " + CaseFiles.MAX_PAGE_SIZE + " 之间的整数";

    MineQuery {
        scope = given(scope);
        page = given(page);
        size = given(size);
    }

    boolean raisedOnly() {
        return "raised".equals(scope);
    }

    int pageNumber() {
        return page == null ? 1 : Integer.parseInt(page);
    }

    int pageSize() {
        return size == null ? DEFAULT_SIZE : Integer.parseInt(size);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
