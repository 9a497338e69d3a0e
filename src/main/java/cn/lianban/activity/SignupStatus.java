package cn.lianban.activity;

/** Where a sign-up stands: has a place, waits for one in order of sign-up, or was cancelled. */
enum SignupStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
