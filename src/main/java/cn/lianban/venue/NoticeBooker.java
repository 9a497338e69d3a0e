package cn.lianban.venue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the SMS text for the booker onto the booking and into variable {@code notice}. */
@Component("noticeBooker")
class NoticeBooker implements JavaDelegate {

    private final BookingService bookings;

    NoticeBooker(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VenueBookingVariables v = new VenueBookingVariables(execution);
        v.setNotice(bookings.writeNotice(execution.getProcessBusinessKey(), v.comment()));
    }
}
