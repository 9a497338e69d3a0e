package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import cn.lianban.common.BadRequest;
import cn.lianban.common.RequestBodies;

/** The query of 我的事项: blank means not given, anything else outside the range is refused with its sentence. */
class MineQueryTest {

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    final RequestBodies bodies = new RequestBodies(new ObjectMapper(), FACTORY.getValidator());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void blankOrMissingValuesGiveTheFirstPageOfFifty() {
        MineQuery q = bodies.valid(new MineQuery(" ", null, ""));
        assertThat(q.pageNumber()).isEqualTo(1);
        assertThat(q.pageSize()).isEqualTo(50);
        assertThat(bodies.valid(new MineQuery(" mine ", " 2 ", "200")).pageNumber()).isEqualTo(2);
        assertThat(bodies.valid(new MineQuery(" mine ", null, null)).raisedOnly()).isFalse();
        assertThat(bodies.valid(new MineQuery("raised", null, null)).raisedOnly()).isTrue();
    }

    @Test
    void valuesOutsideTheRangeAreRefused() {
        refused(new MineQuery("all", null, null), "bad_scope",
                "scope 只能是 mine（本人及本单位的事项）或 raised（本人上报的事项）");
        for (String page : new String[] {"0", "-1", "1.0", "1e3", "abc", "10737419", "99999999999999999999"}) {
            refused(new MineQuery(null, page, null), "bad_page", "page 须为从 1 开始的页码");
        }
        assertThat(bodies.valid(new MineQuery(null, "10737418", null)).pageNumber()).isEqualTo(10737418);
        refused(new MineQuery(null, null, "201"), "bad_size", "size 须为 1 到 200 之间的整数");
        refused(new MineQuery(null, null, "0"), "bad_size", "size 须为 1 到 200 之间的整数");
    }

    private void refused(MineQuery query, String code, String message) {
        assertThatThrownBy(() -> bodies.valid(query)).isInstanceOfSatisfying(BadRequest.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
