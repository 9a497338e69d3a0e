package cn.lianban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.support.LianbanTest;

/** What a login may manage on the admin pages, on the demo directory: the city, one street, or nothing. */
@LianbanTest
class AdminScopeTest {

    @Autowired
    AdminScope scopes;

    @Test
    void anAdministratorManagesTheWholeCity() {
        Scope scope = scopes.of("admin").orElseThrow();
        assertThat(scope.wholeCity()).isTrue();
        assertThat(scope.covers("S-XJ")).isTrue();
        assertThat(scope.covers(null)).as("departments too").isTrue();
    }

    @Test
    void aStreetOfficeManagesItsOwnStreetOnly() {
        Scope scope = scopes.of("street").orElseThrow();
        assertThat(scope.wholeCity()).isFalse();
        assertThat(scope.street()).isEqualTo("S-DL");
        assertThat(scope.communities()).contains("C-DL-01", "C-DL-02").doesNotContain("C-XJ-01");
        assertThat(scope.covers("S-DL")).isTrue();
        assertThat(scope.covers("S-XJ")).isFalse();
        assertThat(scope.covers(null)).as("a department belongs to no street").isFalse();
    }

    @Test
    void everyoneElseManagesNothing() {
        for (String login : new String[]{"secretary", "gridworker", "committee", "center", "housing", "deputy01"}) {
            assertThat(scopes.of(login)).as(login).isEmpty();
            assertThatThrownBy(() -> scopes.required(login)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(scopes.of(null)).isEmpty();
        assertThat(scopes.of("nobody")).isEmpty();
    }

    @Test
    void aUnitBelongsToTheStreetAboveIt() {
        assertThat(scopes.streetOf(UnitType.STREET, "S-DL")).isEqualTo("S-DL");
        assertThat(scopes.streetOf(UnitType.AREA, "A-DL-1")).isEqualTo("S-DL");
        assertThat(scopes.streetOf(UnitType.COMMUNITY, "C-XJ-01")).isEqualTo("S-XJ");
        assertThat(scopes.streetOf(UnitType.GRID, "G-DL-01-01")).isEqualTo("S-DL");
        assertThat(scopes.streetOf(UnitType.DEPT, "housing")).isNull();
        assertThat(scopes.streetOf(UnitType.COMMUNITY, "C-NOPE")).isNull();
    }
}
