package cn.lianban.venue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Approved: the booking becomes ACTIVE. */
@Component("confirmBooking")
class ConfirmBooking implements JavaDelegate {

    private final BookingService bookings;

    ConfirmBooking(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        bookings.approve(execution.getProcessBusinessKey());
    }
}
