package cn.lianban.venue;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;
import cn.lianban.common.Grants;

/**
 * Process {@code venue-booking}: a booking of a venue that needs approval waits, holding its hours, until the
 * venue's managers decide (task {@code approveBooking}); approved it becomes ACTIVE, rejected or undecided when
 * it begins it becomes REJECTED and frees its hours; either way the booker's SMS text is written. The business
 * key is the booking code. Residents book anonymously, so the process is started and withdrawn by the system.
 * The steps are in {@link VenueBookingSteps}.
 */
@Service
public class VenueBookingProcess implements BookingApprovals {

    public static final String KEY = "venue-booking";
    static final String EXPIRED_COMMENT = "场馆管理员未在预约开始前审批";

    private final RuntimeService runtime;
    private final Grants grants;

    public VenueBookingProcess(RuntimeService runtime, Grants grants) {
        this.runtime = runtime;
        this.grants = grants;
    }

    @Override
    public void request(Booking booking, Venue venue) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("bookingCode", booking.code());
        // what Tasklist's cards and the approval form show: the booking's number and when it was made
        v.put("caseNo", booking.code());
        v.put("filedLabel", Booking.DAY_AND_TIME.format(booking.createdAt()));
        v.put("venueCode", venue.code());
        v.put("venueName", venue.name());
        v.put("managerGroup", venue.managerGroup());
        v.put("period", booking.period());
        v.put("startAt", Date.from(booking.start().atZone(EngineClock.ZONE).toInstant()));
        v.put("bookerName", booking.name());
        v.put("phone", booking.phone());
        v.put("purpose", booking.purpose());
        grants.asSystem(() -> runtime.startProcessInstanceByKey(KEY, booking.code(), v));
    }

    @Override
    public void withdraw(Booking booking) {
        grants.asSystem(() -> {
            runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(booking.code())
                    .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "预约人已取消预约"));
            return null;
        });
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
