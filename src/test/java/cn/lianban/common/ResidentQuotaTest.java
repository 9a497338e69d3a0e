package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.lianban.common.ResidentQuota.Kind;
import cn.lianban.support.MutableClock;

/** Per phone and per address, per kind, within a sliding hour; what fails does not count. */
class ResidentQuotaTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-12-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    ResidentQuota quota = new ResidentQuota(2, 3, clock);

    @Test
    void aPhoneNumberIsHeldToItsLimitWithinTheHour() {
        book("13800000001", "10.0.0.1");
        clock.advance(Duration.ofMinutes(30));
        book("13800000001", "10.0.0.2");
        assertThatThrownBy(() -> book(" 13800000001 ", "10.0.0.3")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(e.code()).isEqualTo("too_many_requests");
            assertThat(e.getMessage()).isEqualTo("同一手机号每小时最多预约 2 次，请稍后再试。");
        });
        assertThat(quota.spend(Kind.SIGNUP, "13800000001", "10.0.0.3", () -> "报名")).as("sign-ups count apart")
                .isEqualTo("报名");
        clock.advance(Duration.ofMinutes(30));
        book("13800000001", "10.0.0.4"); // the first booking is an hour old
    }

    @Test
    void anAddressIsHeldToItsLimitWhateverThePhone() {
        for (int i = 1; i <= 3; i++) {
            book("1380000000" + i, "203.0.113.9");
        }
        assertThatThrownBy(() -> book("13800000009", "203.0.113.9")).hasMessage("同一网络每小时最多预约 3 次，请稍后再试。");
        book("13800000009", "198.51.100.1");
    }

    @Test
    void aRefusedBookingGivesItsPlaceBack() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> quota.spend(Kind.BOOKING, "13800000001", "10.0.0.1", () -> {
                throw new BadRequest("slot_taken", "所选时段已被预约");
            })).isInstanceOf(BadRequest.class);
        }
        book("13800000001", "10.0.0.1");
        book("13800000001", "10.0.0.1");
    }

    private void book(String phone, String address) {
        assertThat(quota.spend(Kind.BOOKING, phone, address, () -> "预约")).isEqualTo("预约");
    }
}
