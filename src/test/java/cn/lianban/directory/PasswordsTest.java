package cn.lianban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.LianbanTest;

/**
 * Passwords given and chosen: a reset gives a random password that must be changed at the next login; a change
 * needs the current password and a strong new one, and a refused change changes nothing. On a login of its own
 * ({@code pw-service}), removed after each test. (The import's initial passwords: DirectoryImportTest; the first
 * administrator's, not marked: FirstAdminTest.)
 */
@LianbanTest
class PasswordsTest {

    private static final String LOGIN = "pw-service";
    private static final String OWN = "Mein-eigenes-Pw-7";

    @Autowired
    Passwords passwords;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void aLoginWithItsOwnPassword() {
        User user = identity.newUser(LOGIN);
        user.setFirstName("测试");
        user.setLastName("");
        user.setPassword(OWN);
        identity.saveUser(user);
    }

    @AfterEach
    void removeIt() {
        identity.deleteUserInfo(LOGIN, Passwords.MUST_CHANGE);
        identity.deleteUser(LOGIN);
    }

    @Test
    void aResetGivesAReadableRandomPasswordThatMustBeChanged() {
        assertThat(passwords.mustChange(LOGIN)).isFalse();
        String given = passwords.reset(LOGIN);

        assertThat(given).hasSize(Passwords.MIN_LENGTH).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(passwords.reset(LOGIN)).as("random each time").isNotEqualTo(given);
        String current = passwords.reset(LOGIN);
        assertThat(identity.checkPassword(LOGIN, OWN)).isFalse();
        assertThat(identity.checkPassword(LOGIN, current)).isTrue();
        assertThat(passwords.mustChange(LOGIN)).isTrue();

        assertThat(passwords.change(LOGIN, current, "Ganz-neues-Pw-8")).isEmpty();
        assertThat(identity.checkPassword(LOGIN, "Ganz-neues-Pw-8")).isTrue();
        assertThat(passwords.mustChange(LOGIN)).isFalse();
    }

    @Test
    void aResetUnlocksALockedLogin() {
        for (int i = 0; i < 3; i++) {
            identity.checkPassword(LOGIN, "wrong");
        }
        String given = passwords.reset(LOGIN);
        User user = identity.createUserQuery().userId(LOGIN).singleResult();
        assertThat(user).isNotNull();
        assertThat(identity.checkPassword(LOGIN, given)).isTrue();
    }

    @Test
    void refusedChangesChangeNothing() {
        String given = passwords.reset(LOGIN);

        assertThat(passwords.change(LOGIN, "wrong-current-9", "Ganz-neues-Pw-8")).contains("当前密码不正确，密码未修改");
        assertThat(passwords.change(LOGIN, given, "Kurz-8")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("新密码太弱").contains(Passwords.RULE));
        assertThat(passwords.change(LOGIN, given, "x-pw-service-123")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("新密码太弱"));
        assertThat(passwords.change(LOGIN, given, "demo-demo-Pw-12")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("新密码太弱"));
        assertThat(passwords.change(LOGIN, given, "abababababababab")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("新密码太弱"));
        assertThat(passwords.change("pw-nobody", given, "Ganz-neues-Pw-8")).contains("当前密码不正确，密码未修改");

        assertThat(identity.checkPassword(LOGIN, given)).isTrue();
        assertThat(passwords.mustChange(LOGIN)).isTrue();
    }

    @Test
    void aPersonMayChangeTheirOwnPasswordAnyTime() {
        assertThat(passwords.change(LOGIN, OWN, OWN)).contains("新密码不能与当前密码相同，密码未修改");
        assertThat(passwords.change(LOGIN, OWN, "Ganz-neues-Pw-8")).isEmpty();
        assertThat(identity.checkPassword(LOGIN, "Ganz-neues-Pw-8")).isTrue();
        assertThat(passwords.mustChange(LOGIN)).isFalse();
    }

    @Test
    void anUnknownLoginCannotBeReset() {
        assertThatThrownBy(() -> passwords.reset("pw-nobody")).isInstanceOf(IllegalArgumentException.class);
    }
}
