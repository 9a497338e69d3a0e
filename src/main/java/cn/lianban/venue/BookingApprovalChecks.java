package cn.lianban.venue;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.UserInputException;

/** Checks the managers' decision: approved is yes or no, and a no says why (the booker is told). */
@Component("bookingApprovalChecks")
class BookingApprovalChecks implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        VenueBookingVariables v = new VenueBookingVariables(task);
        Boolean approved = v.approved();
        if (approved == null) {
            throw new UserInputException("approved", "请选择审批结论：同意或不同意");
        }
        String comment = v.comment();
        if (!approved && comment == null) {
            throw new UserInputException("comment", "不同意时请写明理由，将以短信告知预约人");
        }
        v.setComment(comment);
    }
}
