package cn.lianban.issue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * 区域共性问题: one case merged at rating into a similar case of another community (table issue_merge), for the
 * case page (both links), who may see the main case and the dashboard (the communities of a merged case).
 *
 * @param communityCode the merged case's community, which evaluates the main case
 */
public record IssueMerge(String mergedKey, String mainKey, String communityCode, String communityName,
                         Instant mergedAt) {

    /** The communities of a main case, as people read them: its own first, then those of the merged cases. */
    public static String communityNames(String ownName, List<IssueMerge> merged) {
        return String.join("、", Stream.concat(Stream.of(ownName), merged.stream().map(IssueMerge::communityName))
                .distinct().toList());
    }
}
