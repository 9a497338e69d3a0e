package cn.lianban.venue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the booker the decision by SMS (in the step's transaction) and keeps its text in variable {@code notice}. */
@Component("noticeBooker")
class NoticeBooker implements JavaDelegate {

    private final BookingService bookings;

    NoticeBooker(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VenueBookingVariables v = new VenueBookingVariables(execution);
        v.setNotice(bookings.tellDecision(execution.getProcessBusinessKey(), v.comment()));
    }
}
