package cn.lianban.pairing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.Grants;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Grid;
import cn.lianban.directory.Passwords;
import cn.lianban.pairing.PairingWorkbook.AgencyRow;
import cn.lianban.pairing.PairingWorkbook.Content;
import cn.lianban.pairing.PairingWorkbook.MemberRow;
import cn.lianban.pairing.PairingWorkbook.PairRow;
import cn.lianban.workbook.ImportFlow;
import cn.lianban.workbook.Workbooks.Problem;

/**
 * The 双联双促 import (issue 15): agencies, pairings and agency members from one workbook. Every row is checked
 * before anything changes ({@link #check}); a file without problems is compared with the database ({@link #plan})
 * and applied in one transaction ({@link #apply}). Agencies and members are created or updated, never removed
 * (their services name them): what the file leaves out stays as it is; a member is recognised by the phone.
 * A member row with a 登录名 gives the member that login, with an initial password shown once and to be changed at
 * first login; a member who moves keeps the login, and the Camunda groups follow the agency and grid at once.
 */
@Service
class PairingImport {

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final IdentityService identity;
    private final MemberLogins logins;
    private final PairingRepository pairing;
    private final Passwords passwords;

    PairingImport(JdbcTemplate jdbc, Directory directory, IdentityService identity, MemberLogins logins,
                  PairingRepository pairing, Passwords passwords) {
        this.pairing = pairing;
        this.jdbc = JdbcClient.create(jdbc);
        this.directory = directory;
        this.identity = identity;
        this.logins = logins;
        this.passwords = passwords;
    }

    /** What applying a file would change (or changed). */
    record Plan(List<AgencyRow> newAgencies, List<AgencyRow> changedAgencies, List<PairRow> newPairs,
                List<PairRow> changedPairs, List<MemberRow> newMembers, List<MemberRow> changedMembers,
                List<MemberRow> newLogins) implements ImportFlow.Plan {

        public int created() {
            return newAgencies.size() + newPairs.size() + newMembers.size();
        }

        public int updated() {
            return changedAgencies.size() + changedPairs.size() + changedMembers.size();
        }

        @Override
        public boolean unchanged() {
            return created() + updated() + newLogins.size() == 0;
        }
    }

    /** A login given by the import, with its initial password. */
    record Password(String name, String login, String password) {
    }

    record Result(Plan plan, List<Password> passwords) {
    }

    /** The database as the workbook shows it, for the export. */
    Content current() {
        Map<String, String> kinds = new HashMap<>();
        PairingWorkbook.KINDS.forEach((chinese, code) -> kinds.put(code, chinese));
        List<AgencyRow> agencies = jdbc.sql("SELECT code, name, kind, email FROM agency ORDER BY code")
                .query((rs, i) -> new AgencyRow(0, rs.getString(1), rs.getString(2), kinds.get(rs.getString(3)),
                        rs.getString(4))).list();
        List<PairRow> pairs = jdbc.sql("SELECT community_code, agency_code FROM pairing ORDER BY community_code")
                .query((rs, i) -> new PairRow(0, rs.getString(1), rs.getString(2))).list();
        return new Content(agencies, pairs, members(), List.of());
    }

    private List<MemberRow> members() {
        return jdbc.sql("SELECT phone, name, agency_code, grid_code, login FROM agency_member WHERE phone IS NOT NULL "
                + "ORDER BY agency_code, id").query((rs, i) -> new MemberRow(0, rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    // ---- check ------------------------------------------------------------------------------------------------

    /** Every problem of every row, in sheet order; empty when the file may be applied. */
    List<Problem> check(Content content) {
        List<Problem> problems = new ArrayList<>(content.problems());
        Set<String> agencies = jdbc.sql("SELECT code FROM agency").query(String.class).set();
        Map<String, Integer> agencyRows = new HashMap<>();
        for (AgencyRow a : content.agencies()) {
            Row p = new Row(problems, PairingWorkbook.AGENCIES, a.row());
            p.required(a.code(), "编码");
            p.required(a.name(), "名称");
            p.required(a.email(), "邮箱");
            if (a.kind() == null) {
                p.add("缺少必填项「类型」");
            } else if (!PairingWorkbook.KINDS.containsKey(a.kind())) {
                p.add("类型「" + a.kind() + "」应为 机关 或 国企");
            }
            if (a.email() != null && !a.email().matches("[^@\\s]+@[^@\\s]+")) {
                p.add("邮箱「" + a.email() + "」格式不对");
            }
            p.unique(a.code(), agencyRows, "编码");
        }
        // looked up once for the whole file, not once a row: a city's file has thousands of members
        Set<String> communities = directory.communities().stream().map(Community::code).collect(Collectors.toSet());
        Set<String> grids = directory.grids().stream().map(Grid::code).collect(Collectors.toSet());
        Set<String> users = takenLogins(content.members());
        Map<String, Integer> communityRows = new HashMap<>();
        for (PairRow r : content.pairs()) {
            Row p = new Row(problems, PairingWorkbook.PAIRS, r.row());
            p.required(r.communityCode(), "社区编码");
            p.required(r.agencyCode(), "机关编码");
            if (r.communityCode() != null && !communities.contains(r.communityCode())) {
                p.add("社区「" + r.communityCode() + "」不存在");
            }
            p.agency(r.agencyCode(), agencies, agencyRows);
            p.unique(r.communityCode(), communityRows, "社区编码");
        }
        Map<String, MemberRow> known = index(members(), MemberRow::phone);
        Map<String, Integer> phoneRows = new HashMap<>();
        Map<String, Integer> loginRows = new HashMap<>();
        for (MemberRow m : content.members()) {
            Row p = new Row(problems, PairingWorkbook.MEMBERS, m.row());
            p.required(m.phone(), "手机");
            p.required(m.name(), "姓名");
            p.required(m.agencyCode(), "机关编码");
            p.required(m.gridCode(), "网格编码");
            if (m.phone() != null && !PHONE.matcher(m.phone()).matches()) {
                p.add("手机「" + m.phone() + "」不是 11 位手机号");
            }
            p.unique(m.phone(), phoneRows, "手机");
            p.agency(m.agencyCode(), agencies, agencyRows);
            if (m.gridCode() != null && !grids.contains(m.gridCode())) {
                p.add("网格「" + m.gridCode() + "」不存在");
            }
            if (m.login() == null) {
                continue;
            }
            MemberRow before = m.phone() == null ? null : known.get(m.phone());
            String own = before == null ? null : before.login();
            if (own != null && !own.equals(m.login())) {
                p.add("该党员已开通登录名「" + own + "」，导入不能修改；请在下沉党员登录页停用后再开通");
            } else if (!MemberAccounts.LOGIN.matcher(m.login()).matches()) {
                p.add("登录名「" + m.login() + "」须为 3 到 32 位小写字母、数字、点、横线或下划线，以字母或数字开头");
            } else if (own == null && users.contains(m.login())) {
                p.add("登录名「" + m.login() + "」已被使用，请换一个");
            }
            p.unique(m.login(), loginRows, "登录名");
        }
        return problems;
    }

    /** Which of the logins the file names are already someone's: only those are read, not the city's users. */
    private Set<String> takenLogins(List<MemberRow> members) {
        String[] logins = members.stream().map(MemberRow::login).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        return logins.length == 0 ? Set.of() : identity.createUserQuery().userIdIn(logins).list().stream()
                .map(User::getId).collect(Collectors.toSet());
    }

    /** The problems of one row. */
    private record Row(List<Problem> problems, String sheet, int row) {

        void add(String message) {
            problems.add(new Problem(sheet, row, message));
        }

        void required(String value, String column) {
            if (value == null) {
                add("缺少必填项「" + column + "」");
            }
        }

        void unique(String value, Map<String, Integer> seen, String column) {
            Integer first = value == null ? null : seen.putIfAbsent(value, row);
            if (first != null) {
                add(column + "「" + value + "」与第 " + first + " 行重复");
            }
        }

        void agency(String code, Set<String> known, Map<String, Integer> inFile) {
            if (code != null && !known.contains(code) && !inFile.containsKey(code)) {
                add("机关单位「" + code + "」不存在（文件和系统中都没有这个编码）");
            }
        }
    }

    // ---- plan and apply ---------------------------------------------------------------------------------------

    /** What the file changes; only for a file {@link #check} passed. */
    Plan plan(Content content) {
        Content now = current();
        Map<String, AgencyRow> agencies = index(now.agencies(), AgencyRow::code);
        Map<String, PairRow> pairs = index(now.pairs(), PairRow::communityCode);
        Map<String, MemberRow> members = index(now.members(), MemberRow::phone);
        List<AgencyRow> newAgencies = new ArrayList<>();
        List<AgencyRow> changedAgencies = new ArrayList<>();
        for (AgencyRow a : content.agencies()) {
            AgencyRow before = agencies.get(a.code());
            if (before == null) {
                newAgencies.add(a);
            } else if (!before.name().equals(a.name()) || !Objects.equals(before.kind(), a.kind())
                    || !before.email().equals(a.email())) {
                changedAgencies.add(a);
            }
        }
        List<PairRow> newPairs = new ArrayList<>();
        List<PairRow> changedPairs = new ArrayList<>();
        for (PairRow r : content.pairs()) {
            PairRow before = pairs.get(r.communityCode());
            if (before == null) {
                newPairs.add(r);
            } else if (!before.agencyCode().equals(r.agencyCode())) {
                changedPairs.add(r);
            }
        }
        List<MemberRow> newMembers = new ArrayList<>();
        List<MemberRow> changedMembers = new ArrayList<>();
        List<MemberRow> newLogins = new ArrayList<>();
        for (MemberRow m : content.members()) {
            MemberRow before = members.get(m.phone());
            if (before == null) {
                newMembers.add(m);
            } else if (!before.name().equals(m.name()) || !before.agencyCode().equals(m.agencyCode())
                    || !before.gridCode().equals(m.gridCode())) {
                changedMembers.add(m);
            }
            if (m.login() != null && (before == null || before.login() == null)) {
                newLogins.add(m);
            }
        }
        return new Plan(newAgencies, changedAgencies, newPairs, changedPairs, newMembers, changedMembers, newLogins);
    }

    /** Applies a checked file in one transaction; the logins it gives come back with their initial passwords. */
    @Transactional
    Result apply(Content content) {
        Plan plan = plan(content);
        for (AgencyRow a : plan.newAgencies()) {
            jdbc.sql("INSERT INTO agency(code, name, kind, email) VALUES (?, ?, ?, ?)")
                    .params(a.code(), a.name(), PairingWorkbook.KINDS.get(a.kind()), a.email()).update();
        }
        for (AgencyRow a : plan.changedAgencies()) {
            jdbc.sql("UPDATE agency SET name = ?, kind = ?, email = ? WHERE code = ?")
                    .params(a.name(), PairingWorkbook.KINDS.get(a.kind()), a.email(), a.code()).update();
        }
        for (PairRow r : plan.newPairs()) {
            jdbc.sql("INSERT INTO pairing(community_code, agency_code) VALUES (?, ?)")
                    .params(r.communityCode(), r.agencyCode()).update();
        }
        for (PairRow r : plan.changedPairs()) {
            jdbc.sql("UPDATE pairing SET agency_code = ? WHERE community_code = ?")
                    .params(r.agencyCode(), r.communityCode()).update();
        }
        long next = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM agency_member").query(Long.class).single();
        for (MemberRow m : plan.newMembers()) {
            jdbc.sql("INSERT INTO agency_member(id, name, agency_code, grid_code, phone) VALUES (?, ?, ?, ?, ?)")
                    .params(next++, m.name(), m.agencyCode(), m.gridCode(), m.phone()).update();
        }
        for (MemberRow m : plan.changedMembers()) {
            jdbc.sql("UPDATE agency_member SET name = ?, agency_code = ?, grid_code = ? WHERE phone = ?")
                    .params(m.name(), m.agencyCode(), m.gridCode(), m.phone()).update();
        }
        for (MemberRow m : plan.newLogins()) {
            jdbc.sql("UPDATE agency_member SET login = ?, password = NULL WHERE phone = ?")
                    .params(m.login(), m.phone()).update();
        }
        return Grants.asSystem(identity, () -> {
            Set<String> affected = new HashSet<>();
            plan.changedMembers().forEach(m -> affected.add(m.phone()));
            plan.newLogins().forEach(m -> affected.add(m.phone()));
            plan.changedAgencies().forEach(a -> logins.agencyGroup(a.code()));
            for (String phone : affected) {
                pairing.memberLoginByPhone(phone).ifPresent(logins::mirror);
            }
            List<Password> given = plan.newLogins().stream()
                    .map(m -> new Password(m.name(), m.login(), passwords.reset(m.login()))).toList();
            return new Result(plan, given);
        });
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.toMap(key, r -> r, (a, b) -> a));
    }
}
