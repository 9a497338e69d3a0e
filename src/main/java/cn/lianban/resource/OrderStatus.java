package cn.lianban.resource;

/**
 * Where a community order stands, as its {@code community_order} row and the process variable {@code status}
 * name it, with the words cards and forms show. The BPMN enters each on the element after the step that brings
 * it about ({@link OrderStatusListener}).
 */
enum OrderStatus {
    ORDERED("待派单"),
    DISPATCHED("待部门接单"),
    DECLINED("部门不接单，待中心改派"),
    /** Not accepted within 24 hours: back to the city center (issue 15). */
    TIMED_OUT("超时未接单，待中心改派"),
    ACCEPTED("部门办理中"),
    COMPLETED("已办结，待社区确认"),
    CONFIRMED("已完成");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
