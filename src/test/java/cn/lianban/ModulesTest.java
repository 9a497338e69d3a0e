package cn.lianban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The walls between the feature modules (docs/architecture.md): no cycles, no reach into another module's insides. */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LianbanApplication.class);

    @Test
    void modulesKeepTheirWalls() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
