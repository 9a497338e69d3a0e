package cn.lianban.venue;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.lianban.common.Grants;

/**
 * Process {@code venue-booking}: a booking of a venue that needs approval waits, holding its hours, until the
 * venue's managers decide (task {@code approveBooking}); approved it becomes ACTIVE, rejected or undecided when
 * it begins it becomes REJECTED and frees its hours; either way the booker's SMS text is written. The business
 * key is the booking code. Residents book anonymously, so the process is started and withdrawn by the system.
 * Its service tasks and the approval check are classes of their own, named as the BPMN calls them
 * ({@link NotifyVenueManagers}, {@link BookingApprovalChecks}, {@link ConfirmBooking}, {@link RejectBooking},
 * {@link NoticeBooker}); its variables are {@link VenueBookingVariables}.
 */
@Service
class VenueBookingProcess implements BookingApprovals {

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
        grants.asSystem(() -> runtime.startProcessInstanceByKey(KEY, booking.code(),
                VenueBookingVariables.of(booking, venue)));
    }

    @Override
    public void withdraw(Booking booking) {
        grants.asSystem(() -> {
            runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(booking.code())
                    .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "预约人已取消预约"));
            return null;
        });
    }
}
