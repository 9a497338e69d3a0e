package cn.lianban.venue;

/**
 * Asks a venue's managers to approve a booking, and withdraws the request. Called inside the booking's
 * transaction, so a failure here stores no booking.
 */
interface BookingApprovals {

    void request(Booking booking, Venue venue);

    void withdraw(Booking booking);

    /** For venues that never need approval, and for tests. */
    BookingApprovals NONE = new BookingApprovals() {
        @Override
        public void request(Booking booking, Venue venue) {
            throw new IllegalStateException(venue.code() + " needs approval, but no approval process is set up");
        }

        @Override
        public void withdraw(Booking booking) {
            // nothing was requested
        }
    };
}
