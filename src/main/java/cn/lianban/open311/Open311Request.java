package cn.lianban.open311;

import java.time.Instant;

/**
 * A service request as posted (a row of open311_request). {@code serviceRequestId} is the ticket's business key;
 * {@code lat}/{@code lon} are null when only an address was given.
 */
record Open311Request(String serviceRequestId, String token, String processInstanceId, String apiKey,
                      String serviceCode, String description, Double lat, Double lon, String addressString,
                      String email, String firstName, String lastName, String phone, String mediaUrl,
                      String deviceId, String accountId, Instant requestedAt) {
}
