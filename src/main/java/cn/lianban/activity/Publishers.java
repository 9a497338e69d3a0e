package cn.lianban.activity;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/**
 * Which units a user publishes activities for, from their Camunda groups: a community secretary for their
 * {@code community:<code>}, an area committee member for their {@code area:<code>}, a street office for its
 * {@code street:<code>}, the city center as {@code city-center}. Others (grid workers, departments, deputies,
 * administrators) publish for none.
 */
final class Publishers {

    private Publishers() {
    }

    public static Set<String> unitsOf(Collection<String> groups) {
        Set<String> units = new TreeSet<>();
        for (String group : groups) {
            if ((groups.contains(Roles.COMMUNITY_SECRETARY) && UnitType.COMMUNITY.codeIn(group) != null)
                    || (groups.contains(Roles.AREA_COMMITTEE) && UnitType.AREA.codeIn(group) != null)
                    || (groups.contains(Roles.STREET_OFFICE) && UnitType.STREET.codeIn(group) != null)
                    || group.equals(Roles.CITY_CENTER)) {
                units.add(group);
            }
        }
        return units;
    }
}
