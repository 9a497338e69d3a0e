package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class RequestBodiesTest {

    record SignUp(@NotBlank(message = "请填写姓名") @Size(max = 10, message = "姓名不能超过 10 个字") String name,
                  @NotBlank(message = "请填写手机号") @Pattern(regexp = "1\\d{10}", message = "手机号应为 11 位数字")
                  String phoneNumber) {
    }

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    final ObjectMapper json = new ObjectMapper();
    final RequestBodies bodies = new RequestBodies(json, FACTORY.getValidator());

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aGoodBodyIsRead() throws Exception {
        assertThat(bodies.read(json.readTree("{\"name\":\"张三\",\"phoneNumber\":\"13800000000\"}"), SignUp.class))
                .isEqualTo(new SignUp("张三", "13800000000"));
    }

    @Test
    void refusalsNameTheFirstFieldInTheCodeAndEveryProblemInChinese() throws Exception {
        assertThatThrownBy(() -> bodies.read(json.readTree("{\"phoneNumber\":\"12\"}"), SignUp.class))
                .isInstanceOfSatisfying(BadRequest.class, e -> {
                    assertThat(e.code()).isEqualTo("missing_name");
                    assertThat(e.getMessage()).isEqualTo("请填写姓名；手机号应为 11 位数字");
                });
        assertThatThrownBy(() -> bodies.read(json.readTree("{\"name\":\"一二三四五六七八九十一\",\"phoneNumber\":\"x\"}"),
                SignUp.class)).isInstanceOfSatisfying(BadRequest.class, e -> {
                    assertThat(e.code()).isEqualTo("name_too_long");
                    assertThat(e.getMessage()).isEqualTo("姓名不能超过 10 个字；手机号应为 11 位数字");
                });
        assertThatThrownBy(() -> bodies.read(json.readTree("{\"name\":\"张三\",\"phoneNumber\":\"x\"}"), SignUp.class))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.code()).isEqualTo("bad_phone_number"));
    }

    @Test
    void problemsAreListedOneByOneInTheOrderOfTheFields() {
        assertThat(bodies.problems(new SignUp(null, "12"))).containsExactly("请填写姓名", "手机号应为 11 位数字");
        assertThat(bodies.problems(new SignUp("张三", "13800000000"))).isEmpty();
    }

    @Test
    void unknownFieldsAndNonObjectsAreRefused() throws Exception {
        assertThatThrownBy(() -> bodies.read(json.readTree("{\"name\":\"张三\",\"phoneNumber\":\"13800000000\",\"x\":1}"),
                SignUp.class)).isInstanceOfSatisfying(BadRequest.class,
                        e -> assertThat(e.getMessage()).contains("不认识的字段：x"));
        assertThatThrownBy(() -> bodies.read(json.readTree("[1]"), SignUp.class))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.code()).isEqualTo("malformed_json"));
    }

    @Test
    void anEndpointMayAnswerEveryRefusalWithItsOwnCode() throws Exception {
        assertThatThrownBy(() -> bodies.read(json.readTree("{\"phoneNumber\":\"12\"}"), SignUp.class, "invalid_signup"))
                .isInstanceOfSatisfying(BadRequest.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_signup");
                    assertThat(e.getMessage()).isEqualTo("请填写姓名；手机号应为 11 位数字");
                });
    }
}
