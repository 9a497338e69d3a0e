package cn.lianban.resource;

/**
 * Where a claim stands, as its {@code resource_claim} row and the process variable {@code status} name it, with
 * the words cards and forms show. The BPMN enters each on the element after the step that brings it about
 * ({@link ClaimStatusListener}).
 */
enum ClaimStatus {
    CLAIMED("待部门审批"),
    APPROVED("待部门交付"),
    REJECTED("已驳回"),
    DELIVERED("已交付，待社区确认"),
    CONFIRMED("已完成");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
