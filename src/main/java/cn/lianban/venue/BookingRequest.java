package cn.lianban.venue;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a booker asks for: a venue for whole hours of one day (Beijing time), with a name and a Chinese mobile
 * number to reach them; {@code purpose} is optional. Texts are taken without surrounding blanks. The annotations
 * are checked by {@link BookingService#book}; the venue code and the phone keep their own checks there, as their
 * refusals have codes of their own ({@code missing_venue}, {@code bad_phone} also for a missing phone).
 */
public record BookingRequest(
        String venueCode,
        @NotNull(message = "start（开始时间）不能为空") LocalDateTime start,
        @NotNull(message = "end（结束时间）不能为空") LocalDateTime end,
        @NotBlank(message = "name（预约人姓名）不能为空")
        @Size(max = BookingService.NAME_MAX, message = "name（预约人姓名）最多 {max} 个字") String name,
        String phone,
        @Size(max = BookingService.PURPOSE_MAX, message = "purpose（用途）最多 {max} 个字") String purpose) {

    public BookingRequest {
        venueCode = strip(venueCode);
        name = strip(name);
        phone = strip(phone);
        purpose = strip(purpose);
    }

    public BookingRequest(String venueCode, LocalDateTime start, LocalDateTime end, String name, String phone) {
        this(venueCode, start, end, name, phone, null);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
