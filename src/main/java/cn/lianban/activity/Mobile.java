package cn.lianban.activity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A resident's mobile number, by which a sign-up is found: given, and 11 digits starting with 1. Each part reports
 * its own sentence (a missing number only that it is missing); the record strips the number before it is checked.
 */
@NotBlank(message = "手机号（phone）不能为空")
@Pattern(regexp = Mobile.DIGITS, message = "手机号（phone）应为 1 开头的 11 位数字：${validatedValue}")
@Constraint(validatedBy = {})
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface Mobile {

    String DIGITS = "1\\d{10}";

    String message() default "手机号（phone）应为 1 开头的 11 位数字";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
