package cn.lianban.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import cn.lianban.common.SqlIn;

/** Table open311_request: the requests posted through Open311, in the caller's transaction. */
@Repository
class Open311Requests {

    private static final RowMapper<Open311Request> ROW = Open311Requests::row;

    private final JdbcTemplate jdbc;

    Open311Requests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Open311Request r) {
        jdbc.update("INSERT INTO open311_request(service_request_id, token, process_instance_id, api_key, service_code,"
                        + " description, lat, lon, address_string, email, first_name, last_name, phone, media_url,"
                        + " device_id, account_id, requested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.serviceRequestId(), r.token(), r.processInstanceId(), r.apiKey(), r.serviceCode(), r.description(),
                r.lat(), r.lon(), r.addressString(), r.email(), r.firstName(), r.lastName(), r.phone(), r.mediaUrl(),
                r.deviceId(), r.accountId(), Timestamp.from(r.requestedAt()));
    }

    Optional<Open311Request> find(String serviceRequestId) {
        return jdbc.query("SELECT * FROM open311_request WHERE service_request_id = ?", ROW, serviceRequestId)
                .stream().findFirst();
    }

    Optional<Open311Request> byToken(String token) {
        return jdbc.query("SELECT * FROM open311_request WHERE token = ?", ROW, token).stream().findFirst();
    }

    /** The requests with these ids, newest first. */
    List<Open311Request> withIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = SqlIn.marks(ids);
        return jdbc.query("SELECT * FROM open311_request WHERE service_request_id IN (" + marks + ")"
                + " ORDER BY requested_at DESC, service_request_id DESC", ROW, ids.toArray());
    }

    /**
     * Requests made from {@code from} to {@code to} (both included), newest first, of the given service codes
     * (empty: all).
     */
    List<Open311Request> requested(Instant from, Instant to, Collection<String> serviceCodes) {
        StringBuilder sql = new StringBuilder("SELECT * FROM open311_request WHERE requested_at >= ? AND requested_at <= ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (!serviceCodes.isEmpty()) {
            sql.append(" AND service_code IN (").append(SqlIn.marks(serviceCodes)).append(")");
            args.addAll(serviceCodes);
        }
        sql.append(" ORDER BY requested_at DESC, service_request_id DESC");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private static Open311Request row(ResultSet rs, int i) throws SQLException {
        return new Open311Request(rs.getString("service_request_id"), rs.getString("token"),
                rs.getString("process_instance_id"), rs.getString("api_key"), rs.getString("service_code"),
                rs.getString("description"), rs.getObject("lat", Double.class), rs.getObject("lon", Double.class),
                rs.getString("address_string"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("phone"), rs.getString("media_url"), rs.getString("device_id"),
                rs.getString("account_id"), rs.getTimestamp("requested_at").toInstant());
    }
}
