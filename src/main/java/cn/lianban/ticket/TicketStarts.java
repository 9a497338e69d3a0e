package cn.lianban.ticket;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Raising a ticket (点单/吹哨) from the project's own pages (the phone page {@code /m}): the start form's variables,
 * started under the engine identity of the request's login, so the login is the ticket's raiser and
 * {@link RegisterTicket} checks it exactly as a start from Tasklist (unit from the login when left empty, the list
 * item, the lengths). A refused start throws the check's {@code UserInputException} and leaves nothing behind.
 */
@Service
public class TicketStarts {

    /**
     * What the page sends; null where not given. The community and grid are the login's, as for a start form whose
     * unit is left empty.
     *
     * @param lat           WGS-84 latitude of the phone, with {@code lon}
     * @param reporterPhone the mobile of the resident raised for, as typed (the start checks and normalises it)
     */
    public record Start(String itemCode, String description, String location, Double lat, Double lon,
                        String reporterPhone) {
    }

    private final RuntimeService runtime;

    TicketStarts(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** @return the ticket's business key ({@code TK-…}) */
    public String raise(Start start) {
        return runtime.startProcessInstanceByKey(TicketFilters.PROCESS, TicketVariables.startVariables(start))
                .getBusinessKey();
    }
}
