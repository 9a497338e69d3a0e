package cn.lianban.dashboard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.CaseLog;
import cn.lianban.common.SqlIn;

/**
 * Puts the 通报 list on the case pages: an item that reached the list gets one 列入通报 entry in its audit trail per
 * limit it missed (the entry carries that limit as its due time, so a case that misses a later limit too is listed
 * again). The list itself is computed on read ({@link SupervisionList}); this only makes the notice visible.
 */
@Service
class SupervisionListing {

    private final SupervisionList list;
    private final CaseLog log;
    private final JdbcClient jdbc;

    SupervisionListing(SupervisionList list, CaseLog log, JdbcClient jdbc) {
        this.list = list;
        this.log = log;
        this.jdbc = jdbc;
    }

    /** @return how many items were newly entered as listed */
    @Transactional
    public int record() {
        List<SupervisionList.Item> items = list.items(null);
        Set<String> done = new HashSet<>(SqlIn.inChunks(items.stream().map(SupervisionList.Item::caseNo).toList(),
                keys -> jdbc.sql("SELECT business_key, due_at FROM case_event WHERE action = 'LISTED' "
                                + "AND business_key IN (:keys)").param("keys", keys)
                        .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2).toInstant()).list()));
        int recorded = 0;
        for (SupervisionList.Item item : items) {
            if (done.add(item.caseNo() + "@" + item.due())) {
                log.record(new CaseLog.Entry(item.caseNo(), item.processInstanceId(), "LISTED",
                        "超过办理期限满" + SupervisionList.LISTED_FROM + "个工作日仍未办结，列入月度督办通报名单，办结后移出")
                        .due(item.due()));
                recorded++;
            }
        }
        return recorded;
    }

    /** Every hour by default; tests switch it off ({@code lianban.supervision.scheduler-enabled=false}). */
    @Component
    @ConditionalOnProperty(name = "lianban.supervision.scheduler-enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

        private final SupervisionListing listing;

        Schedule(SupervisionListing listing) {
            this.listing = listing;
        }

        @Scheduled(fixedDelayString = "${lianban.supervision.list-interval:PT1H}",
                initialDelayString = "${lianban.supervision.list-interval:PT1H}")
        void record() {
            try {
                int recorded = listing.record();
                if (recorded > 0) {
                    LOG.info("督办通报: {} item(s) newly listed", recorded);
                }
            } catch (RuntimeException e) {
                LOG.error("督办通报 listing failed", e);
            }
        }
    }
}
