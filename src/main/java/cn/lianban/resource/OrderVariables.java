package cn.lianban.resource;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of process {@code community-order} (社区点单), beside those every resource case has. */
final class OrderVariables extends ResourceCaseVariables {

    private static final String CATEGORY = "category";
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
        return new CommunityOrders.OrderForm(text(CATEGORY), communityCodeAnswer(), needAnswer(), amountAnswer());
    }

    /** What the stored order asks for, in place of the answers. */
    void setOrder(CommunityOrders.Order order) {
        setCategoryName(order.categoryName());
        setNeed(order.need());
        setAmount(order.amount());
    }

    String category() {
        return text(CATEGORY);
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
