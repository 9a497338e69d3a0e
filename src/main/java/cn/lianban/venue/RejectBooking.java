package cn.lianban.venue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Rejected, or undecided when it begins (then there is no decision yet): REJECTED, hours freed. */
@Component("rejectBooking")
class RejectBooking implements JavaDelegate {

    private final BookingService bookings;

    RejectBooking(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VenueBookingVariables v = new VenueBookingVariables(execution);
        if (v.approved() == null) {
            v.setLapsed(VenueBookingProcess.EXPIRED_COMMENT);
        }
        bookings.reject(execution.getProcessBusinessKey());
    }
}
