package cn.lianban.open311;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lianban.common.SqlIn;

/** Table open311_request: the requests posted through Open311, in the caller's transaction. */
@Repository
class Open311Requests {

    private final JdbcClient jdbc;

    Open311Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Open311Request r) {
        jdbc.sql("INSERT INTO open311_request(service_request_id, token, process_instance_id, api_key, service_code,"
                        + " description, lat, lon, address_string, email, first_name, last_name, phone, media_url,"
                        + " device_id, account_id, requested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.serviceRequestId(), r.token(), r.processInstanceId(), r.apiKey(), r.serviceCode(),
                        r.description(), r.lat(), r.lon(), r.addressString(), r.email(), r.firstName(), r.lastName(),
                        r.phone(), r.mediaUrl(), r.deviceId(), r.accountId(), Timestamp.from(r.requestedAt()))
                .update();
    }

    Optional<Open311Request> find(String serviceRequestId) {
        return jdbc.sql("SELECT * FROM open311_request WHERE service_request_id = ?").param(serviceRequestId)
                .query(Open311Request.class).optional();
    }

    Optional<Open311Request> byToken(String token) {
        return jdbc.sql("SELECT * FROM open311_request WHERE token = ?").param(token).query(Open311Request.class)
                .optional();
    }

    /** The requests with these ids, newest first. */
    List<Open311Request> withIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = SqlIn.marks(ids);
        return jdbc.sql("SELECT * FROM open311_request WHERE service_request_id IN (" + marks + ")"
                + " ORDER BY requested_at DESC, service_request_id DESC").params(ids.toArray())
                .query(Open311Request.class).list();
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
        return jdbc.sql(sql.toString()).params(args).query(Open311Request.class).list();
    }
}
