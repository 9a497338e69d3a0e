package cn.lianban.pairing;

/** A party member of an agency placed in a grid (下沉网格). */
public record AgencyMember(long id, String name, String agencyCode, String gridCode, String phone) {
}
