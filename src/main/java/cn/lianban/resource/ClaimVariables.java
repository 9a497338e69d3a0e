package cn.lianban.resource;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of process {@code resource-claim} (承接), beside those every resource case has. */
final class ClaimVariables extends ResourceCaseVariables {

    private static final String ITEM_CODE = "itemCode";
    private static final String PLACES = "places";
    private static final String APPROVED = "approved";
    private static final String DELIVERY_NOTE = "deliveryNote";
    private static final String RECEIVED = "received";

    /** A claim's start answers: a funds item, for the community, the need and the yuan. */
    static Map<String, Object> start(String itemCode, String communityCode, String need, long amount) {
        Map<String, Object> answers = startAnswers(communityCode, need, amount);
        answers.put(ITEM_CODE, itemCode);
        return answers;
    }

    ClaimVariables(VariableScope scope) {
        super(scope);
    }

    /** The start form's answers, as submitted. */
    ResourceClaims.ClaimForm startAnswers() {
        return new ResourceClaims.ClaimForm(text(ITEM_CODE), communityCodeAnswer(), needAnswer(), amountAnswer(),
                raw(PLACES));
    }

    /** What the stored claim asks for, in place of the answers; a measure it does not ask for is removed. */
    void setClaim(ResourceClaims.Claim claim, String categoryName) {
        set(ITEM_CODE, claim.item().code());
        setCategoryName(categoryName);
        setNeed(claim.need());
        setAmount(claim.amount());
        setOrRemove(PLACES, claim.places());
    }

    Boolean approved() {
        return decision(APPROVED);
    }

    String deliveryNote() {
        return text(DELIVERY_NOTE);
    }

    void setDeliveryNote(String note) {
        set(DELIVERY_NOTE, note);
    }

    Boolean received() {
        return decision(RECEIVED);
    }

    void setStatus(ClaimStatus status) {
        setStatus(status.name(), status.label());
    }
}
