package cn.lianban.pairing;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import cn.lianban.common.SqlIn;

/**
 * Needs a community publishes for the agency members paired with it (微心愿、服务需求), and their claiming: one
 * member claims a need, by one conditional update, so that of two claims at once exactly one wins.
 */
@Service
class Needs {

    enum Kind {
        WISH("微心愿"), SERVICE("服务需求");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum Status {
        OPEN("待认领"), CLAIMED("已认领"), DONE("已完成");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** A need as the page's form gives it. */
    record NeedInput(@NotNull(message = "请选择需求类别") Kind kind,
                     @NotBlank(message = "请填写需求标题") @Size(max = 60, message = "需求标题不能超过 60 个字") String title,
                     @NotBlank(message = "请填写需求说明") @Size(max = 500, message = "需求说明不能超过 500 个字")
                     String description) {
    }

    record Need(long id, String communityCode, String communityName, Kind kind, String title, String description,
                LocalDateTime publishedAt, Status status, Long claimedBy, String claimerName) {

        public String kindLabel() {
            return kind.label;
        }

        public String statusLabel() {
            return status.label;
        }
    }

    private static final String NEEDS = "SELECT n.id, n.community_code, co.name AS community_name, n.kind, n.title,"
            + " n.description, n.published_at, n.status, n.claimed_by, m.name AS claimer_name FROM community_need n"
            + " JOIN community co ON co.code = n.community_code LEFT JOIN agency_member m ON m.id = n.claimed_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    Needs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long publish(String communityCode, NeedInput in, String by) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO community_need (community_code, kind, title, description, published_by, published_at,"
                        + " status) VALUES (?,?,?,?,?,?,?)")
                .params(communityCode, in.kind().name(), in.title().strip(), in.description().strip(), by,
                        LocalDateTime.now(clock), Status.OPEN.name()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The needs of the given communities, newest first; {@code status} null for all. */
    List<Need> of(Collection<String> communities, Status status) {
        if (communities.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        String sql = NEEDS + " WHERE 1 = 1" + SqlIn.and("n.community_code", communities, args);
        if (status != null) {
            sql += " AND n.status = ?";
            args.add(status.name());
        }
        return jdbc.sql(sql + " ORDER BY n.published_at DESC, n.id DESC").params(args).query(Need.class).list();
    }

    /**
     * The needs a member has claimed and not served yet: no service of his for it is waiting or confirmed (a
     * returned one may be recorded again).
     */
    List<Need> awaitingService(long memberId) {
        return jdbc.sql(NEEDS + " WHERE n.claimed_by = ? AND n.status = ? AND NOT EXISTS (SELECT 1 FROM checkin c"
                        + " WHERE c.need_id = n.id AND c.status <> 'RETURNED') ORDER BY n.claimed_at DESC")
                .params(memberId, Status.CLAIMED.name()).query(Need.class).list();
    }

    Optional<Need> need(long id) {
        return jdbc.sql(NEEDS + " WHERE n.id = ?").param(id).query(Need.class).optional();
    }

    /** @return false when the need was no longer open (someone else claimed it first); nothing changed then */
    boolean claim(long id, long memberId) {
        return jdbc.sql("UPDATE community_need SET status = ?, claimed_by = ?, claimed_at = ? WHERE id = ? AND status = ?")
                .params(Status.CLAIMED.name(), memberId, LocalDateTime.now(clock), id, Status.OPEN.name())
                .update() == 1;
    }
}
