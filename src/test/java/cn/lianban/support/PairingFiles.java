package cn.lianban.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test rows of the 双联双促 import: agencies with codes TA-…, members with phones 1390000009x (and their logins),
 * removed again by {@link #removeTestRows}.
 */
public final class PairingFiles {

    private PairingFiles() {
    }

    public static void removeTestRows(JdbcTemplate jdbc, IdentityService identity) {
        for (String login : jdbc.queryForList("SELECT login FROM agency_member WHERE phone LIKE '1390000009%' AND "
                + "login IS NOT NULL", String.class)) {
            identity.deleteUser(login);
        }
        jdbc.update("DELETE FROM agency_member WHERE phone LIKE '1390000009%'");
        jdbc.update("DELETE FROM pairing WHERE agency_code LIKE 'TA-%'");
        jdbc.update("DELETE FROM agency WHERE code LIKE 'TA-%'");
        identity.createGroupQuery().list().stream().map(Group::getId).filter(g -> g.startsWith("agency:TA-"))
                .forEach(identity::deleteGroup);
    }
}
