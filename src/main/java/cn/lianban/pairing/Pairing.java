package cn.lianban.pairing;

/** 结对: a community and the one agency paired with it. */
record Pairing(String agencyCode, String communityCode) {
}
