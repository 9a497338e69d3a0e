package cn.lianban.resource;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.ProcessVariables;
import cn.lianban.directory.Directory.Placement;

/**
 * The variables a claim ({@code resource-claim}) and a community order ({@code community-order}) have alike: the
 * case's number, title and community, the department in charge, the need and its yuan, the answers both ask
 * for, and the status. Each process's own variables are in {@link ClaimVariables} and {@link OrderVariables}.
 */
abstract class ResourceCaseVariables extends ProcessVariables {

    private static final String CASE_NO = "caseNo";
    private static final String TITLE = "title";
    private static final String FILED_LABEL = "filedLabel";
    private static final String COMMUNITY_CODE = "communityCode";
    private static final String COMMUNITY_NAME = "communityName";
    private static final String COMMUNITY_GROUP = "communityGroup";
    private static final String STREET_CODE = "streetCode";
    private static final String DEPT_CODE = "deptCode";
    private static final String DEPT_NAME = "deptName";
    private static final String CATEGORY_NAME = "categoryName";
    private static final String NEED = "need";
    private static final String AMOUNT = "amount";
    private static final String REASON = "reason";
    private static final String COMMENT = "comment";
    private static final String STATUS = "status";
    private static final String STATUS_LABEL = "statusLabel";

    /** The start answers every resource case has, for a case another module starts (a meeting's funds). */
    static Map<String, Object> startAnswers(String communityCode, String need, long amount) {
        Map<String, Object> answers = new HashMap<>();
        answers.put(COMMUNITY_CODE, communityCode);
        answers.put(NEED, need);
        answers.put(AMOUNT, amount);
        return answers;
    }

    ResourceCaseVariables(VariableScope scope) {
        super(scope);
    }

    /** The community the start form names, if any (a secretary's own community is taken from their groups). */
    String communityCodeAnswer() {
        return text(COMMUNITY_CODE);
    }

    String needAnswer() {
        return text(NEED);
    }

    /** The yuan as the form sent them (Long, Double or text), for the checks to judge. */
    Object amountAnswer() {
        return raw(AMOUNT);
    }

    /** The case's number (its business key), the title and filing time the cards and forms show. */
    void setCase(String caseNo, String title, String filedLabel) {
        set(CASE_NO, caseNo);
        set(TITLE, title);
        set(FILED_LABEL, filedLabel);
    }

    /** The community the case is for, and its group, which the community's tasks are offered to. */
    void setCommunity(Placement place, String communityGroup) {
        set(COMMUNITY_CODE, place.community().code());
        set(COMMUNITY_NAME, place.community().name());
        set(STREET_CODE, place.street().code());
        set(COMMUNITY_GROUP, communityGroup);
    }

    String communityCode() {
        return text(COMMUNITY_CODE);
    }

    String streetCode() {
        return text(STREET_CODE);
    }

    String deptCode() {
        return text(DEPT_CODE);
    }

    void setDeptCode(String code) {
        set(DEPT_CODE, code);
    }

    String deptName() {
        return text(DEPT_NAME);
    }

    void setDepartment(String code, String name) {
        set(DEPT_CODE, code);
        set(DEPT_NAME, name);
    }

    void setCategoryName(String name) {
        set(CATEGORY_NAME, name);
    }

    void setNeed(String need) {
        set(NEED, need);
    }

    /** The yuan asked for or spent, once checked. */
    long amount() {
        return number(AMOUNT);
    }

    /** Sets the yuan, or removes them when there are none: Tasklist's cards show a variable that is null as <空>. */
    void setAmount(Long yuan) {
        setOrRemove(AMOUNT, yuan);
    }

    String reason() {
        return text(REASON);
    }

    void setReason(String reason) {
        set(REASON, reason);
    }

    String comment() {
        return text(COMMENT);
    }

    void setComment(String comment) {
        set(COMMENT, comment);
    }

    /** The contract's code of the status, and its words for cards and forms. */
    void setStatus(String code, String label) {
        set(STATUS, code);
        set(STATUS_LABEL, label);
    }

    /** A start form submits an empty field as null; a figure the case does not have is removed instead. */
    void setOrRemove(String name, Object value) {
        if (value == null) {
            remove(name);
        } else {
            set(name, value);
        }
    }

    /** A yes/no answer; null when the form gave none. */
    Boolean decision(String name) {
        return answer(name);
    }
}
