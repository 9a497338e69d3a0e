package cn.lianban.resource;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of process {@code community-order} (社区点单), beside those every resource case has. */
final class OrderVariables extends ResourceCaseVariables {

    private static final String CATEGORY = "category";
    /** The department the community chose among those offering the category this month (issue 15). */
    private static final String CHOSEN_DEPT = "chosenDept";
    private static final String ACCEPTED = "accepted";
    private static final String RESULT = "result";
    private static final String CONFIRMED = "confirmed";

    /** An order's start answers: the category, for the community, the need and the yuan. */
    static Map<String, Object> start(String category, String communityCode, String need, long amount) {
        Map<String, Object> answers = startAnswers(communityCode, need, amount);
        answers.put(CATEGORY, category);
        return answers;
    }

    OrderVariables(VariableScope scope) {
        super(scope);
    }

    /** The start form's answers, as submitted. */
    CommunityOrders.OrderForm startAnswers() {
        return new CommunityOrders.OrderForm(text(CATEGORY), communityCodeAnswer(), needAnswer(), amountAnswer(),
                text(CHOSEN_DEPT));
    }

    /** What the stored order asks for, in place of the answers. */
    void setOrder(CommunityOrders.Order order) {
        setCategoryName(order.categoryName());
        setChosenDept(order.chosenDept());
        setNeed(order.need());
        setAmount(order.amount());
    }

    String category() {
        return text(CATEGORY);
    }

    /** The department chosen at 点单, checked at registration; null when the start named none. */
    String chosenDept() {
        return text(CHOSEN_DEPT);
    }

    void setChosenDept(String code) {
        setOrRemove(CHOSEN_DEPT, code);
    }

    Boolean accepted() {
        return decision(ACCEPTED);
    }

    String result() {
        return text(RESULT);
    }

    Boolean confirmed() {
        return decision(CONFIRMED);
    }

    void setStatus(OrderStatus status) {
        setStatus(status.name(), status.label());
    }
}
