package cn.lianban.notify;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A joint meeting (联席会议) as sent in an iCalendar invitation.
 *
 * @param uid stable per meeting, so that a later update or cancellation replaces the same calendar entry
 */
public record MeetingInvite(String uid, String summary, String description, String location,
                            ZonedDateTime start, Duration duration,
                            Person organizer, List<Person> attendees) {

    /** A calendar participant: display name and mail address. */
    public record Person(String name, String email) {
        public Person {
            Objects.requireNonNull(email, "email");
        }
    }

    public MeetingInvite {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        // iTIP requires an ORGANIZER on a REQUEST; without it clients cannot reply
        Objects.requireNonNull(organizer, "organizer");
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    public ZonedDateTime end() {
        return start.plus(duration);
    }
}
