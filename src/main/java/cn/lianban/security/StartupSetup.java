package cn.lianban.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.IdentitySync;
import cn.lianban.issue.IssueFilters;
import cn.lianban.resource.ResourceFilters;
import cn.lianban.ticket.TicketFilters;
import cn.lianban.ticket.TicketStartForm;

/** After the directory is in place: identity, authorizations, Tasklist filters and the ticket start form, all idempotent. */
@Component
@Order(20)
public class StartupSetup implements ApplicationRunner {

    private final IdentitySync identity;
    private final GlobalAuthorizations authorizations;
    private final IssueFilters issueFilters;
    private final TicketFilters ticketFilters;
    private final TicketStartForm ticketStartForm;
    private final ResourceFilters resourceFilters;

    public StartupSetup(IdentitySync identity, GlobalAuthorizations authorizations, IssueFilters issueFilters,
                        TicketFilters ticketFilters, TicketStartForm ticketStartForm, ResourceFilters resourceFilters) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.issueFilters = issueFilters;
        this.ticketFilters = ticketFilters;
        this.ticketStartForm = ticketStartForm;
        this.resourceFilters = resourceFilters;
    }

    @Override
    public void run(ApplicationArguments args) {
        identity.sync();
        authorizations.apply();
        issueFilters.apply();
        ticketFilters.apply();
        ticketStartForm.deploy();
        resourceFilters.apply();
    }
}
