package cn.lianban.pairing;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Conflict;
import cn.lianban.common.Grants;
import cn.lianban.common.NotFound;
import cn.lianban.directory.AdminScope;
import cn.lianban.directory.Passwords;

/**
 * Gives agency members a login and takes it away (issue 15): an administrator for every member, a street office for
 * the members placed in grids of its own street. A new login gets a random initial password, shown once, which the
 * member must change at first login; its groups follow from the member's agency and grid ({@link MemberLogins}).
 * A member outside the scope is "not found", so codes cannot be probed.
 */
@Service
class MemberAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(MemberAccounts.class);
    /** What a member login looks like (the import checks the same). */
    static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final AdminScope scopes;
    private final IdentityService identity;
    private final MemberLogins logins;
    private final PairingRepository pairing;
    private final Passwords passwords;

    MemberAccounts(JdbcTemplate jdbc, AdminScope scopes, IdentityService identity, MemberLogins logins,
                   PairingRepository pairing, Passwords passwords) {
        this.pairing = pairing;
        this.jdbc = JdbcClient.create(jdbc);
        this.scopes = scopes;
        this.identity = identity;
        this.logins = logins;
        this.passwords = passwords;
    }

    /** A member as the page lists them. */
    record Row(long id, String name, String phone, String agencyName, String gridName, String streetCode,
               String login) {
    }

    /** A login just given, with its initial password. */
    record Opened(Row member, String login, String password) {
    }

    /** Whether {@code user} may manage member logins at all. */
    boolean mayManage(String user) {
        return scopes.of(user).isPresent();
    }

    /** Up to 50 members in the user's scope whose name, phone, agency, grid or login contains {@code query}. */
    List<Row> search(String user, String query) {
        AdminScope.Scope scope = scopes.of(user).orElseThrow(MemberAccounts::notFound);
        String like = "%" + (query == null ? "" : query.strip()) + "%";
        // a street office's search is limited in SQL (no typed NULL parameter: PostgreSQL cannot infer its type)
        String street = scope.wholeCity() ? "" : "a.street_code = :street AND ";
        var sql = jdbc.sql(SELECT + " WHERE " + street + "(m.name LIKE :q OR COALESCE(m.phone, '') LIKE :q OR "
                        + "ag.name LIKE :q OR g.name LIKE :q OR g.code LIKE :q OR COALESCE(m.login, '') LIKE :q) "
                        + "ORDER BY c.code, g.code, m.id LIMIT " + PAGE).param("q", like);
        return (scope.wholeCity() ? sql : sql.param("street", scope.street())).query(Row.class).list();
    }

    /** Gives a member a login; the member must not have one, the login must be free. */
    @Transactional
    Opened open(String user, long memberId, String login, String by) {
        Row member = member(user, memberId);
        if (member.login() != null) {
            throw new Conflict("member_has_login", member.name() + "已开通登录名「" + member.login() + "」");
        }
        String wanted = login == null ? "" : login.strip();
        if (!LOGIN.matcher(wanted).matches()) {
            throw new BadRequest("bad_login", "登录名须为 3 到 32 位小写字母、数字、点、横线或下划线，以字母或数字开头");
        }
        if (identity.createUserQuery().userId(wanted).count() > 0
                || jdbc.sql("SELECT COUNT(*) FROM agency_member WHERE login = ?").param(wanted).query(Integer.class)
                .single() > 0) {
            throw new Conflict("login_taken", "登录名「" + wanted + "」已被使用，请换一个");
        }
        jdbc.sql("UPDATE agency_member SET login = ?, password = NULL WHERE id = ?").params(wanted, memberId).update();
        // the scope was checked above; the street office holds no Camunda grant to create users
        String password = Grants.asSystem(identity, () -> {
            logins.mirror(pairing.memberLogin(memberId).orElseThrow());
            return passwords.reset(wanted);
        });
        LOG.info("{} gave agency member {} the login {}", by, memberId, wanted);
        return new Opened(member, wanted, password);
    }

    /** Takes a member's login away: the Camunda user and its memberships go; the member's services stay. */
    @Transactional
    Row close(String user, long memberId, String by) {
        Row member = member(user, memberId);
        if (member.login() == null) {
            throw new Conflict("member_has_no_login", member.name() + "没有登录名");
        }
        jdbc.sql("UPDATE agency_member SET login = NULL, password = NULL WHERE id = ?").param(memberId).update();
        Grants.asSystem(identity, () -> {
            identity.deleteUser(member.login());
            return null;
        });
        LOG.info("{} took the login {} from agency member {}", by, member.login(), memberId);
        return member;
    }

    private Row member(String user, long memberId) {
        AdminScope.Scope scope = scopes.of(user).orElseThrow(MemberAccounts::notFound);
        Row row = jdbc.sql(SELECT + " WHERE m.id = ?").param(memberId).query(Row.class).optional()
                .orElseThrow(MemberAccounts::notFound);
        if (!scope.covers(row.streetCode())) {
            throw notFound();
        }
        return row;
    }

    private static NotFound notFound() {
        return new NotFound("member_not_found", "没有找到这名下沉党员");
    }

    private static final String SELECT = "SELECT m.id, m.name, m.phone, ag.name AS agency_name, g.name AS grid_name, "
            + "a.street_code, m.login FROM agency_member m "
            + "JOIN agency ag ON ag.code = m.agency_code JOIN grid g ON g.code = m.grid_code "
            + "JOIN community c ON c.code = g.community_code JOIN area a ON a.code = c.area_code";
}
