package cn.lianban.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.IdentitySync;
import cn.lianban.issue.IssueFilters;

/** After the directory is in place: identity, standing authorizations and Tasklist filters, all idempotent. */
@Component
@Order(20)
public class StartupSetup implements ApplicationRunner {

    private final IdentitySync identity;
    private final GlobalAuthorizations authorizations;
    private final IssueFilters filters;

    public StartupSetup(IdentitySync identity, GlobalAuthorizations authorizations, IssueFilters filters) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.sync();
        authorizations.apply();
        filters.apply();
    }
}
