package cn.lianban.ticket;

import org.springframework.stereotype.Component;

import cn.lianban.notify.ResidentLinks;
import cn.lianban.notify.ResidentUrls;
import cn.lianban.notify.SmsKind;
import cn.lianban.notify.SmsOutbox;

/**
 * The SMS a resident who reported a ticket (reporterPhone) gets on each status it enters, queued in the step's
 * transaction by {@link TicketStatusListener}: the ticket's number, the new status in words, the department by
 * name where one has it, and the status page; on 待回访 the rating link instead ({@link ResidentRatings}). No names
 * of people, no notes.
 */
@Component
class TicketSms {

    private final SmsOutbox outbox;
    private final ResidentRatings ratings;
    private final ResidentUrls urls;

    TicketSms(SmsOutbox outbox, ResidentRatings ratings, ResidentUrls urls) {
        this.outbox = outbox;
        this.ratings = ratings;
        this.urls = urls;
    }

    void entered(TicketVariables ticket, TicketStatus status) {
        String phone = ticket.reporterPhone();
        if (phone == null) {
            return;
        }
        String key = ticket.caseNo();
        outbox.send(phone, text(key, status, ticket.deptName()), SmsKind.TICKET_STATUS, key);
    }

    private String text(String key, TicketStatus status, String dept) {
        String ticket = "您反映的问题 " + key + " ";
        String progress = "查询进度：" + urls.status(key);
        return switch (status) {
            case DISPATCHING -> ticket + "已受理，正在派单。" + progress;
            case ACCEPTING -> ticket + "已派至" + dept + "，待接单。" + progress;
            case RESOLVING -> ticket + "已由" + dept + "接单办理。" + progress;
            case CONFIRMING -> ticket + "已由" + dept + "办理完毕，待社区确认。" + progress;
            case STREET_DECIDING -> ticket + "已交街道研判处置。" + progress;
            case RATING -> ticket + "已办理完毕，请在 " + ResidentLinks.VALID.toDays() + " 天内评价办理结果："
                    + urls.rating(ratings.issue(key));
            case CLOSED -> ticket + "已办结，感谢您的反映。" + progress;
            case JOINT -> ticket + "已转街道联席会商办理。" + progress;
        };
    }
}
