-- Open311 GeoReport v2 (/open311/v2/): who may post service requests, and what each request carried.
-- V11 because V8-V10 are taken by venues, resources and activities.
--
-- open311_key: one row per outside app (小程序, hotline system); a request needs an active key.
-- The demo key "demo-key" is added by the demo loader (cn.lianban.open311.Open311DemoKey), not here,
-- so a production database starts without any key.
CREATE TABLE open311_key (
    api_key VARCHAR(64)  PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    active  BOOLEAN      NOT NULL DEFAULT TRUE
);

-- open311_request: the request as posted. Its progress (open/closed, department, result, due date) is
-- read from the ticket process in Camunda, never copied here.
--   service_request_id  the ticket's business key, e.g. TK-2026-000042
--   token               a random id for GET tokens/{token}
--   lat, lon            WGS-84 as posted (null when only address_string was given)
CREATE TABLE open311_request (
    service_request_id  VARCHAR(32)   PRIMARY KEY,
    token               VARCHAR(36)   NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    api_key             VARCHAR(64)   NOT NULL REFERENCES open311_key(api_key),
    service_code        VARCHAR(16)   NOT NULL,
    description         VARCHAR(2000) NOT NULL,
    lat                 DOUBLE PRECISION,
    lon                 DOUBLE PRECISION,
    address_string      VARCHAR(200),
    email               VARCHAR(254),
    first_name          VARCHAR(50),
    last_name           VARCHAR(50),
    phone               VARCHAR(32),
    media_url           VARCHAR(1000),
    device_id           VARCHAR(100),
    account_id          VARCHAR(100),
    requested_at        TIMESTAMP     NOT NULL,
    CONSTRAINT open311_request_token UNIQUE (token),
    CONSTRAINT open311_request_process UNIQUE (process_instance_id)
);
CREATE INDEX open311_request_requested ON open311_request(requested_at);
