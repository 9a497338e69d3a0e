package cn.lianban.field;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A ticket (吹哨/点单) as the phone page sends it. The unit is the login's ({@code RaisingUnit} in the ticket module);
 * {@code itemCode} empty lets the street dispatch it. The checks of the start itself (an item that exists and is
 * active, the unit) are the process's.
 *
 * @param requestId     made by the page for one filing; the same id again files nothing new ({@link OnceOnly})
 * @param lat           WGS-84 latitude from the phone, with {@code lon}; both or neither
 * @param reporterPhone the mobile of the resident the ticket is raised for (optional): the process checks it and
 *                      sends the resident its progress by SMS
 */
record TicketRequest(
        @NotBlank(message = FieldApi.REQUEST_ID) @Pattern(regexp = FieldApi.REQUEST_ID_PATTERN,
                message = FieldApi.REQUEST_ID) String requestId,
        @Size(max = 20, message = "权责清单事项编码不能超过 20 个字符") String itemCode,
        @NotBlank(message = "请填写问题描述") @Size(max = FieldApi.MAX_DESCRIPTION,
                message = "问题描述不能超过 " + FieldApi.MAX_DESCRIPTION + " 字") String description,
        @Size(max = FieldApi.MAX_LOCATION, message = "具体位置不能超过 " + FieldApi.MAX_LOCATION + " 字") String location,
        @DecimalMin(value = "-90", message = FieldApi.LATITUDE) @DecimalMax(value = "90", message = FieldApi.LATITUDE)
        Double lat,
        @DecimalMin(value = "-180", message = FieldApi.LONGITUDE) @DecimalMax(value = "180",
                message = FieldApi.LONGITUDE) Double lon,
        String reporterPhone) {
}
