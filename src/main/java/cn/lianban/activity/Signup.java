package cn.lianban.activity;

/**
 * One sign-up as the publishing unit sees it. {@code position} is the order of sign-up within the activity;
 * {@code waitlistPosition} is the place on the waiting list now (1 = next to get a place), null unless
 * WAITLISTED.
 */
record Signup(long id, String name, String phone, SignupStatus status, long position,
                     Integer waitlistPosition, boolean attended) {
}
