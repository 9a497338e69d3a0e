package cn.lianban.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.LianbanTest;

@LianbanTest
class DirectoryAndIdentityTest {

    @Autowired
    Directory directory;
    @Autowired
    IdentitySync sync;
    @Autowired
    IdentityService identity;

    @Test
    void theSameSeedGivesTheSameOrganisation() {
        assertThat(new DemoDirectoryGenerator(7).generate()).isEqualTo(new DemoDirectoryGenerator(7).generate());
        assertThat(new DemoDirectoryGenerator(7).generate()).isNotEqualTo(new DemoDirectoryGenerator(8).generate());
    }

    @Test
    void demoOrganisationHasTheReferenceShape() {
        assertThat(directory.areas()).hasSize(7);
        assertThat(directory.areas()).extracting(Area::areaType).containsOnly("UNIT", "RESORT", "OLD_TOWN",
                "NEW_TOWN", "MERGED", "INDUSTRY");
        assertThat(directory.areas().stream().map(Area::areaType).distinct()).hasSize(6);
        assertThat(directory.departments()).hasSize(30).extracting(Department::code).contains("housing", "urban");
        assertThat(directory.department("housing")).get().extracting(Department::name).isEqualTo("住房和城乡建设局");
        assertThat(directory.communities()).hasSize(233).extracting(Community::name).doesNotHaveDuplicates();
        assertThat(directory.grids()).hasSize(1032);
        assertThat(directory.streets()).hasSize(5);
        assertThat(directory.persons()).filteredOn(p -> Roles.DEPUTY.equals(p.role())).isNotEmpty();
        assertThat(directory.placement("C-DL-01").area().code())
                .isNotEqualTo(directory.placement("C-XJ-01").area().code());
    }

    @Test
    void demoLoginsExistWithTheirGroups() {
        assertThat(identity.checkPassword("secretary", "demo")).isTrue();
        assertThat(identity.checkPassword("secretary", "wrong")).isFalse();
        // a failure marks the user locked until now; a later test that sets the engine clock back would see a lock
        identity.unlockUser("secretary");
        assertThat(groupsOf("secretary")).contains("community-secretary", "community:C-DL-01");
        assertThat(groupsOf("secretary2")).contains("community-secretary", "community:C-XJ-01");
        assertThat(groupsOf("committee")).contains("area-committee", "area:A-DL-1");
        assertThat(groupsOf("street")).contains("street-office", "street:S-DL");
        assertThat(groupsOf("housing")).contains("department", "dept:housing");
        assertThat(groupsOf("urban")).contains("department", "dept:urban");
        assertThat(groupsOf("center")).contains("city-center");
        assertThat(groupsOf("admin")).contains("camunda-admin");
        assertThat(groupsOf("gridworker")).contains("grid-worker").anyMatch(g -> g.startsWith("grid:G-DL-01-"));
        assertThat(identity.createGroupQuery().groupId("community:C-DL-01").singleResult().getName()).endsWith("社区");
    }

    @Test
    void aSecondSyncChangesNothing() {
        assertThat(sync.sync()).isZero();
    }

    private java.util.List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    }
}
