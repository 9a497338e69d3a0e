package cn.lianban.notify;

import java.util.Optional;

/**
 * A module whose cases a resident rates through a {@link ResidentLinks} link (tickets, joint cases): the rating
 * page {@code /rate/{token}} asks each which of them the link's business key is.
 */
public interface RatedByResident {

    /** The case or ticket as the rating page shows it, if it is this module's and waits for the rating. */
    Optional<ResidentLinks.Invitation> invitation(String businessKey);

    /**
     * Records the resident's rating through the link, in one transaction with using it up; a link that no longer
     * opens a rating is refused with {@link ResidentLinks#EXPIRED}.
     */
    void rate(String token, int score, String comment);
}
