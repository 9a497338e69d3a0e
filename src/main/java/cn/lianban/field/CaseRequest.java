package cn.lianban.field;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A joint-handling case (联席汇办) as the phone page sends it: the start form's fields with a phone's defaults (no
 * money, one community, the flags unticked when not sent). The community is the login's; the category's code and
 * the rest of the filing are checked by the process ({@code IssueService.file}).
 *
 * @param requestId     made by the page for one filing; the same id again files nothing new ({@link OnceOnly})
 * @param reporterPhone the mobile of the resident who reported it (optional): the process checks it and sends
 *                      the resident its progress and, once 销号, the rating link by SMS
 */
record CaseRequest(
        @NotBlank(message = FieldApi.REQUEST_ID) @Pattern(regexp = FieldApi.REQUEST_ID_PATTERN,
                message = FieldApi.REQUEST_ID) String requestId,
        @NotBlank(message = "请填写事项标题") @Size(max = 100, message = "事项标题不能超过 100 字") String title,
        @NotBlank(message = "请填写问题描述") @Size(max = FieldApi.MAX_DESCRIPTION,
                message = "问题描述不能超过 " + FieldApi.MAX_DESCRIPTION + " 字") String description,
        @NotBlank(message = "请选择问题类别") String category,
        @Size(max = FieldApi.MAX_LOCATION, message = "具体位置不能超过 " + FieldApi.MAX_LOCATION + " 字") String location,
        @NotNull(message = "请填写受影响户数") @Min(value = 0, message = "受影响户数不能为负数") Long households,
        @Min(value = 0, message = "预计所需资金不能为负数") Long estimatedCost,
        Boolean multiDepartment,
        Boolean safetyRisk,
        @DecimalMin(value = "-90", message = FieldApi.LATITUDE) @DecimalMax(value = "90", message = FieldApi.LATITUDE)
        Double lat,
        @DecimalMin(value = "-180", message = FieldApi.LONGITUDE) @DecimalMax(value = "180",
                message = FieldApi.LONGITUDE) Double lon,
        String reporterPhone) {
}
