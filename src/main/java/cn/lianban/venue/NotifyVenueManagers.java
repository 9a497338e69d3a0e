package cn.lianban.venue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Directory;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.Notifier;

/** Mails the venue's managers that a booking waits for them. */
@Component("notifyVenueManagers")
class NotifyVenueManagers implements JavaDelegate {

    private final Notifier notifier;
    private final Directory directory;

    NotifyVenueManagers(Notifier notifier, Directory directory) {
        this.notifier = notifier;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VenueBookingVariables.PendingBooking booking = new VenueBookingVariables(execution).pendingBooking();
        notifier.enqueue(MailKind.BOOKING_PENDING, directory.emailsOf(booking.managerGroup()),
                model(booking, directory.unitName(booking.managerGroup())), execution.getProcessBusinessKey());
    }

    private static Map<String, Object> model(VenueBookingVariables.PendingBooking booking, String recipientName) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("venueName", booking.venueName());
        model.put("period", booking.period());
        model.put("bookerName", booking.bookerName());
        model.put("phone", booking.phone());
        model.put("purpose", booking.purpose());
        model.put("title", booking.venueName() + " " + booking.period());
        model.put("recipientName", recipientName);
        return model;
    }
}
