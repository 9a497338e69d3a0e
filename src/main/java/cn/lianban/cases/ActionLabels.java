package cn.lianban.cases;

import java.util.Map;

/**
 * The Chinese name of every action code of the audit trail (table case_event, written through CaseLog by the
 * delegates and task checks of all processes), and of the entries the case page adds from Camunda's history and
 * the mail outbox. A new action code needs its name here; ActionLabelsTest finds the codes in the sources.
 */
final class ActionLabels {

    /** Entries the case page adds itself. */
    static final String ESCALATION_REQUESTED = "ESCALATION_REQUESTED";
    static final String TASK_COMPLETED = "TASK_COMPLETED";
    static final String TASK_CANCELLED = "TASK_CANCELLED";
    static final String MAIL = "MAIL";
    static final String SMS = "SMS";
    static final String ATTACHED = "ATTACHED";
    static final String COMMENTED = "COMMENTED";

    private static final Map<String, String> COMMON = Map.ofEntries(
            // 五级三色联席汇办
            Map.entry("FILED", "提报"),
            Map.entry("RATING_OVERRIDE", "调整评级"),
            Map.entry("ASSIGNED", "评级交办"),
            Map.entry("MEETING_CONVENED", "召集联席会议"),
            Map.entry("MEETING", "联席会商"),
            Map.entry("MEETING_MOVED", "会议改期"),
            Map.entry("MEETING_CANCELLED", "联席会议取消"),
            Map.entry("FUNDS_PLACED", "会商安排资金"),
            Map.entry("HANDLED", "牵头办理"),
            Map.entry("ASSISTED", "协办"),
            Map.entry("ASSIST_UNFINISHED", "协办未完成即关闭"),
            Map.entry(ESCALATION_REQUESTED, "申请升级"),
            Map.entry("ESCALATION_APPROVED", "同意升级"),
            Map.entry("ESCALATION_DENIED", "不同意升级"),
            Map.entry("ESCALATED", "逐级升级"),
            Map.entry("OVERDUE", "逾期"),
            Map.entry("CENTER_REMINDED", "市级督办提醒"),
            Map.entry("EVALUATED", "评价"),
            // 区域共性问题: the main case names each case merged into it, a merged case the main one
            Map.entry("MERGED", "并案"),
            Map.entry("MERGED_INTO", "已并入他案"),
            // 挂账, and escalation as the street and the city center see it (issue 13)
            Map.entry("SHELVED", "挂账"),
            Map.entry("SHELF_KEPT", "复核继续挂账"),
            Map.entry("SHELF_RESUMED", "挂账后恢复办理"),
            Map.entry("SHELF_ESCALATED", "挂账后升级办理"),
            Map.entry("TERMINATED", "终止办理"),
            Map.entry("STREET_INFORMED", "告知街道"),
            Map.entry("CENTER_RAISED", "市中心提级"),
            // joint handling: acceptance (签收), its supervision (督办) and extension (延期), issue 13
            Map.entry("LEAD_ACCEPTED", "签收"),
            Map.entry("ACCEPT_OVERDUE", "超时未签收督办"),
            Map.entry("URGED", "督办催签"),
            Map.entry("LEAD_REASSIGNED", "督办改派牵头部门"),
            Map.entry("EXTENSION_REQUESTED", "申请延期"),
            Map.entry("EXTENSION_APPROVED", "同意延期"),
            Map.entry("EXTENSION_DENIED", "不同意延期"),
            // 双联双促 tickets
            Map.entry("RAISED", "点单"),
            Map.entry("DISPATCHED", "派单"),
            Map.entry("ACCEPT_TIMEOUT", "超时未接单"),
            Map.entry("ACCEPTED", "接单"),
            Map.entry("RETURNED", "退单"),
            Map.entry("IMPOSED", "街道裁定"),
            Map.entry("RESOLVED", "办理完毕"),
            // tickets: the street desk's decision, 大事不出镇 and helper departments (issue #13)
            Map.entry("NOT_SOLVED_AGAIN", "再次未解决"),
            Map.entry("LONG_OVERDUE", "久拖未办"),
            Map.entry("STREET_CLOSED", "街道裁定办结"),
            Map.entry("RAISED_TO_CASE", "提级联席汇办"),
            Map.entry("FROM_TICKET", "工单提级"),
            Map.entry("HELPED", "部门配合"),
            Map.entry("HELP_UNFINISHED", "配合未完成即关闭"),
            // 回访 by the resident who reported a ticket, through the rating link (issue #14)
            Map.entry("RESIDENT_RATED", "居民评价"),
            // the 督办 ladder of cases and tickets
            Map.entry("REMINDED", "到期提醒"),
            Map.entry("SUPERVISED", "督办"),
            Map.entry("LISTED", "列入通报"),
            // resource claims and community orders
            Map.entry("CLAIMED", "申请承接"),
            Map.entry("RESERVED", "预留名额"),
            Map.entry("APPROVED", "审批同意"),
            Map.entry("REJECTED", "审批不同意"),
            Map.entry("DELIVERED", "已交付"),
            Map.entry("NOT_RECEIVED", "未收到"),
            Map.entry("CONFIRMED", "确认完成"),
            Map.entry("ORDERED", "社区点单"),
            Map.entry("DECLINED", "拒单"),
            Map.entry("COMPLETED", "办结"),
            // the case page's own entries
            Map.entry(TASK_COMPLETED, "完成待办"),
            Map.entry(TASK_CANCELLED, "待办撤销"),
            Map.entry(MAIL, "邮件通知"),
            Map.entry(SMS, "短信通知"),
            Map.entry(ATTACHED, "上传附件"),
            Map.entry(COMMENTED, "两代表一委员意见"));

    /** Codes whose words differ between a case and a ticket. */
    private static final Map<String, String> JOINT_HANDLING = Map.of("REOPENED", "退回重办", "CLOSED", "销号");
    private static final Map<String, String> OTHERS = Map.of("REOPENED", "重新办理", "CLOSED", "办结");

    static final String UNNAMED = "其他记录";

    /** The name of {@code action} in a case of {@code process}; 其他记录 for a code nobody named yet. */
    static String of(String process, String action) {
        String own = (CaseFacts.JOINT_HANDLING.equals(process) ? JOINT_HANDLING : OTHERS).get(action);
        return own != null ? own : COMMON.getOrDefault(action, UNNAMED);
    }

    private ActionLabels() {
    }
}
