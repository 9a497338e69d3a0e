package cn.lianban.pairing;

/** 先锋服务站: a base in a community where placed agency members meet and serve. WGS-84 coordinates. */
record VanguardStation(String code, String name, String communityCode, double lat, double lon) {
}
