package cn.lianban.activity;

/**
 * The answer to a sign-up: its id, its code (报名号, which with the phone cancels it), CONFIRMED or WAITLISTED, its
 * order of sign-up within the activity ({@code position}), and for WAITLISTED its place on the waiting list
 * ({@code waitlistPosition}, 1 = next).
 */
record SignupResult(long id, String code, SignupStatus status, long position, Integer waitlistPosition) {
}
