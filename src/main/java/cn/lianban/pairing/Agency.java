package cn.lianban.pairing;

/**
 * A party organisation of a city agency or a state-owned enterprise (机关单位、国有企业党组织) that is paired
 * with communities in 双联双促. {@code kind} is {@link #AGENCY} or {@link #SOE}.
 */
public record Agency(String code, String name, String kind, String email) {

    public static final String AGENCY = "AGENCY";
    public static final String SOE = "SOE";
}
