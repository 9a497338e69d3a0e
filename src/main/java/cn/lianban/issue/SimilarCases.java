package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.Distance;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;

/**
 * 区域共性问题: the open cases of other communities that look like the same problem as a case being rated (same
 * category, filed in the last {@value #DAYS} days, in the same 片区 or in a community within {@value #RADIUS_METERS}
 * metres), and the check of the ones the area committee chose to merge. A case carries no point of its own (the
 * filing names a community only), so "within 1 km" is the distance between the communities' points in the
 * directory. Only cases of the committee's own area may be merged: a neighbouring area's case is shown for
 * information, since its committee rates and handles it.
 */
@Service
class SimilarCases {

    static final int DAYS = 60;
    static final int RADIUS_METERS = 1000;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    SimilarCases(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * One similar case as issue_summary has it.
     *
     * @param mainCase whether other cases were merged into it already (it can then not be merged itself)
     */
    record Similar(String businessKey, String processInstanceId, String title, String communityCode,
                   String communityName, String areaCode, Instant filedAt, boolean mainCase) {

        /** Whether the committee of {@code area} may merge it into a case of its own. */
        boolean mergeableIn(String area) {
            return area.equals(areaCode) && !mainCase;
        }
    }

    /** The similar open cases of other communities, newest first. */
    List<Similar> of(String businessKey, String category, String communityCode, String areaCode) {
        Community own = directory.community(communityCode).orElse(null);
        Set<String> near = own == null ? Set.of() : nearby(own, directory.communities(), RADIUS_METERS);
        return jdbc.sql("SELECT s.business_key, s.process_instance_id, s.title, s.community_code, "
                        + "s.community_name, s.area_code, s.filed_at, EXISTS (SELECT 1 FROM issue_merge m WHERE m.main_key = s.business_key) "
                        + "AS main_case FROM issue_summary s WHERE s.category = :category "
                        + "AND s.community_code <> :community AND s.business_key <> :key "
                        + "AND s.status NOT IN (:ended) AND s.filed_at >= :since "
                        + "AND (s.area_code = :area OR s.community_code IN (:near)) "
                        + "ORDER BY s.filed_at DESC, s.business_key")
                .param("category", category).param("community", communityCode).param("key", businessKey)
                .param("ended", List.of(IssueStatus.CLOSED.name(), IssueStatus.MERGED.name()))
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(DAYS))))
                .param("area", areaCode)
                // an empty IN list is not SQL: a code no community has stands for none
                .param("near", near.isEmpty() ? List.of("") : List.copyOf(near))
                .query(Similar.class).list();
    }

    /** The communities other than {@code own} whose points lie within {@code meters} of its point. */
    static Set<String> nearby(Community own, Collection<Community> all, double meters) {
        Set<String> near = new LinkedHashSet<>();
        for (Community c : all) {
            if (!c.code().equals(own.code()) && Distance.meters(own.lat(), own.lon(), c.lat(), c.lon()) <= meters) {
                near.add(c.code());
            }
        }
        return near;
    }

    /**
     * Checks the case numbers the committee chose to merge into the case it rates: each must be a similar open case
     * of its own area. The refusals name the case: one the committee may not see (another area's, or no such case)
     * is refused alike, never saying whether it exists.
     */
    List<Similar> checkMerge(Object sent, String businessKey, String category, String communityCode,
                             String areaCode) {
        List<String> keys = IssueService.sentList(sent);
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, Similar> similar = new HashMap<>();
        of(businessKey, category, communityCode, areaCode).forEach(s -> similar.put(s.businessKey(), s));
        List<Similar> chosen = new ArrayList<>();
        for (String key : keys) {
            Similar s = similar.get(key);
            if (s == null) {
                throw new UserInputException("mergeCases", refusal(key, areaCode, businessKey));
            }
            if (!s.mergeableIn(areaCode)) {
                throw new UserInputException("mergeCases", s.mainCase()
                        ? "案件 " + key + " 已有其他案件并入，不能再并入本案"
                        : "案件 " + key + " 不在本片区，不能并案");
            }
            chosen.add(s);
        }
        return chosen;
    }

    /** Why a case number that is not among the similar cases cannot be merged, as far as the committee may know. */
    private String refusal(String key, String areaCode, String businessKey) {
        if (key.equals(businessKey)) {
            return "不能把本案并入本案";
        }
        Optional<Map<String, Object>> row = jdbc.sql("SELECT status, area_code FROM issue_summary "
                + "WHERE business_key = ?").param(key).query().listOfRows().stream().findFirst();
        if (row.isEmpty() || !areaCode.equals(row.get().get("area_code"))) {
            return "案件 " + key + " 不存在或不在本片区，不能并案";
        }
        Object status = row.get().get("status");
        if (IssueStatus.CLOSED.name().equals(status)) {
            return "案件 " + key + " 已销号，不能并案";
        }
        if (IssueStatus.MERGED.name().equals(status)) {
            return "案件 " + key + " 已并入其他案件，不能并案";
        }
        return "案件 " + key + " 不是本社区以外近" + DAYS + "天内同类别的未结案件，不能并案";
    }
}
