package cn.lianban.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.directory.DirectoryChanges.Change;

/**
 * 单位管理 (/admin/units): finding units, editing what an office keeps of them (name, the unit above, mailbox,
 * position), and adding communities and grids. Everything happens within the login's {@link Scope}: a unit
 * outside it does not exist for the login ({@link NotInScope}). A renamed or new unit's Camunda group follows at
 * once; every change is written to the trail ({@link DirectoryChanges}).
 */
@Service
class UnitAdmin {

    /** Unit codes become Camunda group ids (community:C-DL-01), which allow no other characters. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int SHOWN = 200;

    private final Directory directory;
    private final DirectoryImport imports;
    private final Accounts accounts;
    private final DirectoryChanges changes;

    UnitAdmin(Directory directory, DirectoryImport imports, Accounts accounts, DirectoryChanges changes) {
        this.directory = directory;
        this.imports = imports;
        this.accounts = accounts;
        this.changes = changes;
    }

    /** A unit as the pages show it; the parent and the street are codes, parentName the name people read. */
    record Unit(UnitType type, String code, String name, String parent, String parentName, String street,
                String areaType, String email, Double lat, Double lon) {
        public String typeName() {
            return DirectoryWorkbook.SHEETS.get(type);
        }

        public String parentTypeName() {
            return type.parent() == null ? null : DirectoryWorkbook.SHEETS.get(type.parent());
        }

        /** The unit as a person's form names it ({@link PersonAdmin#key}). */
        public String key() {
            return PersonAdmin.key(type, code);
        }

        /** The address of the unit's page. */
        public String path() {
            return "/admin/units/" + type.name().toLowerCase(Locale.ROOT) + "/" + code;
        }

        public boolean hasPosition() {
            return type != UnitType.DEPT;
        }

        public boolean hasEmail() {
            return type != UnitType.GRID;
        }

        /** The unit as the import writes it. */
        DirectoryWorkbook.UnitRow row() {
            return new DirectoryWorkbook.UnitRow(type, 0, code, name, parent, areaType, lat, lon, email);
        }
    }

    /** What an office fills in for a unit: empty fields are null. */
    record UnitForm(String code, String name, String parent, String email, Double lat, Double lon) {
    }

    /** The units matching a search, at most {@value #SHOWN}. */
    record Found(List<Unit> units, int total) {
        public boolean cut() {
            return total > units.size();
        }
    }

    Found search(Scope scope, String query, UnitType type) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Unit> found = all(scope).stream().filter(u -> type == null || u.type() == type)
                .filter(u -> q.isEmpty() || u.name().toLowerCase(Locale.ROOT).contains(q)
                        || u.code().toLowerCase(Locale.ROOT).contains(q))
                .toList();
        return new Found(found.stream().limit(SHOWN).toList(), found.size());
    }

    /** Every unit the login may manage. */
    List<Unit> all(Scope scope) {
        return all().stream().filter(u -> inScope(scope, u)).toList();
    }

    /** One unit the login may manage; {@link NotInScope} when it does not exist or is outside the scope. */
    Unit get(Scope scope, UnitType type, String code) {
        return all().stream().filter(u -> u.type() == type && u.code().equals(code)).filter(u -> inScope(scope, u))
                .findFirst().orElseThrow(NotInScope::new);
    }

    /** The units that may be chosen as the unit above a unit of this type, within the scope. */
    List<Unit> parents(Scope scope, UnitType type) {
        UnitType parent = type.parent();
        if (parent == null) {
            return List.of();
        }
        return all().stream().filter(u -> u.type() == parent)
                .filter(u -> scope.wholeCity() || scope.street().equals(u.street())).toList();
    }

    /** The kinds of unit shown on the page: a street office has no streets or departments to manage. */
    List<UnitType> types(Scope scope) {
        return scope.wholeCity() ? DirectoryWorkbook.ORDER
                : List.of(UnitType.AREA, UnitType.COMMUNITY, UnitType.GRID);
    }

    List<Change> trail(UnitType type, String code) {
        return changes.of(type.name(), code);
    }

    @Transactional
    void update(Scope scope, String actor, UnitType type, String code, UnitForm form) {
        Unit old = get(scope, type, code);
        Unit wanted = checked(scope, type, code, form, old);
        imports.update(wanted.row());
        String subject = type.name();
        changes.record(subject, code, actor, "名称", old.name(), wanted.name());
        if (type.parent() != null) {
            changes.record(subject, code, actor, "所属" + old.parentTypeName(), old.parentName(), wanted.parentName());
        }
        changes.record(subject, code, actor, "邮箱", old.email(), wanted.email());
        changes.record(subject, code, actor, "位置", position(old), position(wanted));
        if (!old.name().equals(wanted.name())) {
            accounts.unitGroup(type, code, wanted.name());
        }
    }

    /** Adds a community or a grid (streets, areas and departments come with the directory import). */
    @Transactional
    Unit create(Scope scope, String actor, UnitType type, UnitForm form) {
        if (type != UnitType.COMMUNITY && type != UnitType.GRID) {
            throw new DirectoryRefusal("这里只能新建社区或网格；街道、片区和部门请通过组织目录导入");
        }
        String code = form.code() == null ? null : form.code().strip();
        if (code == null || code.isEmpty()) {
            throw new DirectoryRefusal("请填写编码");
        }
        if (!CODE.matcher(code).matches()) {
            throw new DirectoryRefusal("编码只能由字母、数字、点、下划线和连字符组成，最长 32 位");
        }
        directory.name(type, code).ifPresent(name -> {
            throw new DirectoryRefusal("编码「" + code + "」已被" + DirectoryWorkbook.SHEETS.get(type) + "「" + name
                    + "」使用");
        });
        Unit wanted = checked(scope, type, code, form, null);
        imports.insert(wanted.row());
        changes.record(type.name(), code, actor, "新建", null, changes.describe(wanted.row()));
        accounts.unitGroup(type, code, wanted.name());
        return wanted;
    }

    /** The unit as the form wants it, or a refusal naming the first problem. {@code old} is null for a new unit. */
    private Unit checked(Scope scope, UnitType type, String code, UnitForm form, Unit old) {
        String name = FormValues.trim(form.name());
        if (name == null) {
            throw new DirectoryRefusal("请填写名称");
        }
        if (name.length() > 64) {
            throw new DirectoryRefusal("名称不能超过 64 个字");
        }
        Unit parent = null;
        if (type.parent() != null) {
            String parentName = DirectoryWorkbook.SHEETS.get(type.parent());
            String parentCode = FormValues.trim(form.parent());
            if (parentCode == null) {
                throw new DirectoryRefusal("请选择所属" + parentName);
            }
            parent = parents(scope, type).stream().filter(u -> u.code().equals(parentCode)).findFirst()
                    .orElseThrow(() -> new DirectoryRefusal("所属" + parentName + "「" + parentCode + "」不存在"));
        }
        String email = FormValues.trim(form.email());
        FormValues.checkEmail(email);
        if (email == null && type == UnitType.DEPT) {
            throw new DirectoryRefusal("请填写部门邮箱（督办和通知发到这里）");
        }
        Double lat = form.lat();
        Double lon = form.lon();
        if (type != UnitType.DEPT) {
            if ((lat == null || lon == null) && old == null && parent != null) {
                // a new unit without a position of its own sits where the unit above it is, until an office moves it
                lat = parent.lat();
                lon = parent.lon();
            }
            if (lat == null || lon == null) {
                throw new DirectoryRefusal("请填写位置（纬度和经度）");
            }
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new DirectoryRefusal("位置不正确：纬度应在 -90 到 90 之间，经度在 -180 到 180 之间");
            }
        }
        return new Unit(type, code, name, parent == null ? null : parent.code(),
                parent == null ? null : parent.name(), parent == null ? code : parent.street(),
                old == null ? null : old.areaType(), type == UnitType.GRID ? null : email, type == UnitType.DEPT ? null : lat,
                type == UnitType.DEPT ? null : lon);
    }

    private static String position(Unit u) {
        return u.lat() == null ? null : u.lat() + "，" + u.lon();
    }

    private static boolean inScope(Scope scope, Unit u) {
        return scope.wholeCity()
                || u.type() != UnitType.STREET && u.type() != UnitType.DEPT && scope.covers(u.street());
    }

    /** Every unit with its street, in the order of the directory: streets, areas, communities, grids, departments. */
    private List<Unit> all() {
        List<Unit> units = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> streets = new HashMap<>();
        for (DirectoryWorkbook.UnitRow u : imports.units()) {
            String street = switch (u.type()) {
                case STREET -> u.code();
                case AREA -> u.parent();
                case COMMUNITY -> streets.get("AREA:" + u.parent());
                case GRID -> streets.get("COMMUNITY:" + u.parent());
                case DEPT -> null;
            };
            streets.put(u.type() + ":" + u.code(), street);
            names.put(u.type() + ":" + u.code(), u.name());
            UnitType parent = u.type().parent();
            units.add(new Unit(u.type(), u.code(), u.name(), u.parent(),
                    parent == null ? null : Objects.requireNonNullElse(names.get(parent + ":" + u.parent()), u.parent()),
                    street, u.areaType(), u.email(), u.lat(), u.lon()));
        }
        return units;
    }
}
