package cn.lianban.open311;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.lianban.ticket.TicketService;

/**
 * The fields of a posted service request that are checked on their own (GeoReport's names, here in camel case).
 * What needs data is checked by {@link Open311Service}: the key, whether the service exists, the place, and control
 * characters in any field.
 */
record Open311Post(
        @NotBlank(message = "缺少 service_code（服务类型），可用的服务见 services.xml 或 services.json")
        String serviceCode,
        @NotBlank(message = "缺少 description（问题描述）")
        @Size(max = TicketService.MAX_DESCRIPTION,
                message = "description（问题描述）不能超过 " + TicketService.MAX_DESCRIPTION + " 字")
        String description,
        @Size(max = TicketService.MAX_LOCATION, message = "address_string 不能超过 " + TicketService.MAX_LOCATION + " 字")
        String addressString,
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "email 不是有效的邮箱地址：${validatedValue}")
        @Size(max = 254, message = "email 不能超过 254 字")
        String email,
        @Size(max = 50, message = "first_name 不能超过 50 字") String firstName,
        @Size(max = 50, message = "last_name 不能超过 50 字") String lastName,
        @Pattern(regexp = "[0-9+\\-() ]+", message = "phone 只能包含数字、空格和 + - ( )")
        @Size(max = 32, message = "phone 不能超过 32 字")
        String phone,
        @Pattern(regexp = "https?://\\S+", flags = Pattern.Flag.CASE_INSENSITIVE, message = "media_url 须为 http 或 https 地址")
        @Size(max = 1000, message = "media_url 不能超过 1000 字")
        String mediaUrl,
        @Size(max = 100, message = "device_id 不能超过 100 字") String deviceId,
        @Size(max = 100, message = "account_id 不能超过 100 字") String accountId) {

    static Open311Post of(Open311Form form) {
        return new Open311Post(form.get("service_code"), form.get("description"), form.get("address_string"),
                form.get("email"), form.get("first_name"), form.get("last_name"), form.get("phone"),
                form.get("media_url"), form.get("device_id"), form.get("account_id"));
    }
}
