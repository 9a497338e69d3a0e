package cn.lianban.cases;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.AsUser;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/** Attachments on H2 ({@link AttachmentChecks}; the same checks run on PostgreSQL in issue/PostgresFullPathTest). */
@LianbanTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TicketDriver tickets;
    @Autowired
    IssueDriver issues;
    @Autowired
    AsUser users;

    private AttachmentChecks checks;
    private String ticket;

    @BeforeAll
    void raiseATicket() {
        checks = new AttachmentChecks(rest, jdbc);
        ticket = users.as("gridworker", () -> tickets.raise()).getBusinessKey();
    }

    @Test
    void photosAreServedWithoutTheirPlaceAndAsThumbnails() throws IOException {
        checks.photosAreServedWithoutTheirPlaceAndAsThumbnails(ticket);
    }

    @Test
    void filesStoredBeforeStrippingAreStrippedAsServed() {
        checks.filesStoredBeforeStrippingAreStrippedAsServed(ticket);
    }

    @Test
    void tooLargeAndDisguisedFilesAreRefused() throws IOException {
        checks.tooLargeAndDisguisedFilesAreRefused(ticket);
    }

    @Test
    void otherUnitsAreToldTheFileDoesNotExist() throws IOException {
        checks.otherUnitsAreToldTheFileDoesNotExist(ticket);
    }

    @Test
    void everyoneWithATaskUploadsFromTheCasePage() throws IOException {
        checks.everyoneWithATaskUploadsFromTheCasePage(ticket);
    }

    @Test
    void theCaseListExportCountsAttachments() throws IOException {
        checks.theCaseListExportCountsAttachments(users.as("secretary", () -> issues.file()).getBusinessKey());
    }
}
