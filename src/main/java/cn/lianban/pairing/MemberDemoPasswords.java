package cn.lianban.pairing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.DemoPasswords;
import cn.lianban.startup.StartupStep;

/**
 * A start without demo on a database once seeded with it: the demo member logins ({@code member}, {@code member2})
 * lose the demo password as the directory's logins do ({@code directory/FirstAdmin}); only the rows still holding
 * it are checked, so a start does not test every member's password.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "lianban.demo.enabled", havingValue = "false")
class MemberDemoPasswords implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(MemberDemoPasswords.class);

    private final PairingRepository pairing;
    private final DemoPasswords demoPasswords;

    MemberDemoPasswords(PairingRepository pairing, DemoPasswords demoPasswords) {
        this.pairing = pairing;
        this.demoPasswords = demoPasswords;
    }

    @Override
    public void run() {
        List<String> removed = demoPasswords.replace(pairing.loginsWithPassword(DemoDirectoryGenerator.DEMO_PASSWORD));
        pairing.forgetPassword(DemoDirectoryGenerator.DEMO_PASSWORD);
        if (!removed.isEmpty()) {
            LOG.warn("演示数据已关闭，以下党员登录名仍使用演示密码 demo，已改为随机密码 / demo is off: these member logins "
                    + "still had the demo password and got a random one: {}", removed);
        }
    }
}
