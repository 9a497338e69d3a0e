package cn.lianban.venue;

import static cn.lianban.venue.VenueBookingProcess.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.Notifier;

/** The steps of process {@code venue-booking}, by the names its BPMN calls them. */
@Configuration
class VenueBookingSteps {

    /** Mails the venue's managers that a booking waits for them. */
    @Bean
    JavaDelegate notifyVenueManagers(Notifier notifier, Directory directory) {
        return e -> {
            Map<String, Object> model = new LinkedHashMap<>();
            for (String name : new String[]{"venueName", "period", "bookerName", "phone", "purpose"}) {
                model.put(name, text(e, name));
            }
            model.put("title", text(e, "venueName") + " " + text(e, "period"));
            String group = text(e, "managerGroup");
            model.put("recipientName", directory.unitName(group));
            notifier.enqueue(MailKind.BOOKING_PENDING, directory.emailsOf(group), model, e.getProcessBusinessKey());
        };
    }

    /** Checks the managers' decision: approved is yes or no, and a no says why (the booker is told). */
    @Bean
    TaskListener bookingApprovalChecks() {
        return task -> {
            if (!(task.getVariable("approved") instanceof Boolean approved)) {
                throw new UserInputException("approved", "请选择审批结论：同意或不同意");
            }
            String comment = text(task, "comment");
            if (!approved && comment == null) {
                throw new UserInputException("comment", "不同意时请写明理由，将以短信告知预约人");
            }
            task.setVariable("comment", comment);
        };
    }

    /** Approved: the booking becomes ACTIVE. */
    @Bean
    JavaDelegate confirmBooking(BookingService bookings) {
        return e -> bookings.approve(e.getProcessBusinessKey());
    }

    /** Rejected, or undecided when it begins (then there is no decision yet): REJECTED, hours freed. */
    @Bean
    JavaDelegate rejectBooking(BookingService bookings) {
        return e -> {
            if (e.getVariable("approved") == null) {
                e.setVariable("approved", false);
                e.setVariable("comment", VenueBookingProcess.EXPIRED_COMMENT);
            }
            bookings.reject(e.getProcessBusinessKey());
        };
    }

    /** Writes the SMS text for the booker onto the booking and into variable {@code notice}. */
    @Bean
    JavaDelegate noticeBooker(BookingService bookings) {
        return e -> e.setVariable("notice", bookings.writeNotice(e.getProcessBusinessKey(), text(e, "comment")));
    }
}
