package cn.lianban.issue;

import java.time.Instant;
import java.util.List;

/**
 * What a mail about a joint-handling case shows, and the units it may go to: filled from {@link IssueVariables}
 * by the step that sends it, so {@link IssueMails} never reads the engine's execution. Labels are the ones the
 * process keeps for cards; what is not known yet is null and its row is left out of the mail.
 */
record IssueMail(String caseNo, String title, String description, String communityCode, String communityName,
                 String category, String color, String colorLabel, Integer level, String levelLabel, String leadDept,
                 String leadDeptName, List<String> coDepts, Instant dueDate, String minutes, String result,
                 Boolean satisfied, Long satisfaction, String comment, Long escalations, Groups groups) {

    /**
     * The units of the case, as group ids: who handles, who convenes the meeting, and where the case sits;
     * {@code communities} are all its communities (区域共性问题: its own and those of the cases merged into it).
     */
    record Groups(String handle, String meeting, String community, String area, String street,
                  List<String> communities) {
    }
}
