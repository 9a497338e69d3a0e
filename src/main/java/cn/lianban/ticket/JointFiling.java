package cn.lianban.ticket;

import java.util.HashMap;
import java.util.Map;

import cn.lianban.common.Position;

/**
 * A ticket raised into a joint-handling case (大事不出镇), as that process's start variables: the contract's
 * names (docs/contract.md, process {@code joint-handling}), written here once. The ticket module starts the case
 * through the engine's RuntimeService with these, because ticket and issue share a layer and may not use each
 * other (docs/architecture.md); the joint process checks them as it checks any filing.
 *
 * @param title          the ticket's title, at most 100 characters as the filing allows
 * @param description    the ticket's description and how it got here
 * @param multiDepartment always true: one department has not solved it
 * @param gridCode       the ticket's grid, or null: at level 1 the case goes to the same grid's worker
 * @param location       the ticket's 具体位置, or null
 * @param position       the ticket's position, or null: the case shows the same place
 */
record JointFiling(String title, String description, String category, String communityCode, String gridCode,
                   boolean multiDepartment, String location, Position position) {

    /** The joint filing's limit of its title (IssueService.MAX_TITLE). */
    private static final int MAX_TITLE = 100;

    static final String PROCESS = "joint-handling";

    static JointFiling of(TicketVariables ticket, String history) {
        String title = "【工单提级】" + ticket.title();
        return new JointFiling(title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title,
                ticket.description() + "\n\n" + history, ticket.jointCategory(), ticket.communityCode(),
                ticket.gridCode(), true,
                ticket.location(), ticket.position());
    }

    /** The start variables; households and cost unknown (0), no safety risk, one community: the committee rates it. */
    Map<String, Object> variables() {
        Map<String, Object> v = new HashMap<>();
        v.put("title", title);
        v.put("description", description);
        v.put("category", category);
        v.put("communityCode", communityCode);
        v.put("households", 0L);
        v.put("estimatedCost", 0L);
        v.put("multiCommunity", false);
        v.put("multiDepartment", multiDepartment);
        v.put("safetyRisk", false);
        if (gridCode != null) {
            v.put("gridCode", gridCode);
        }
        if (location != null) {
            v.put("location", location);
        }
        if (position != null) {
            v.put("lat", position.lat());
            v.put("lon", position.lon());
        }
        return v;
    }
}
