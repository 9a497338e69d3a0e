-- 党群服务阵地 (venues) on five levels, what each offers, and residents' bookings in whole hours.

CREATE TABLE venue_function (
    code       VARCHAR(16) PRIMARY KEY,
    name       VARCHAR(32) NOT NULL,
    sort_order INT         NOT NULL
);
INSERT INTO venue_function(code, name, sort_order) VALUES
    ('activity', '活动室', 1),
    ('canteen', '长者食堂（社区食堂）', 2),
    ('eldercare', '日间照料', 3),
    ('library', '图书室', 4),
    ('study', '自习室', 5),
    ('meeting', '会议室', 6),
    ('health', '健康小屋', 7),
    ('legal', '法律服务', 8),
    ('kids', '四点半课堂', 9),
    ('sports', '健身室', 10),
    ('rest', '歇脚休息（饮水、充电、热饭）', 11),
    ('council', '议事协商', 12);

-- level: 1 市级党群服务中心, 2 片区党群服务中心, 3 社区党群服务中心, 4 网格/户外劳动者/交通枢纽驿站, 5 楼栋善治角.
-- functions: comma list of venue_function codes. lat/lon: WGS-84. manager_group: the Camunda group that
-- approves bookings (city-center, area:<code>, community:<code>).
CREATE TABLE venue (
    code           VARCHAR(32)  PRIMARY KEY,
    name           VARCHAR(64)  NOT NULL,
    level          INT          NOT NULL CHECK (level BETWEEN 1 AND 5),
    functions      VARCHAR(255) NOT NULL,
    address        VARCHAR(200) NOT NULL,
    lat            DOUBLE PRECISION NOT NULL,
    lon            DOUBLE PRECISION NOT NULL,
    opens          TIME         NOT NULL,
    closes         TIME         NOT NULL,
    capacity       INT          NOT NULL CHECK (capacity > 0),
    needs_approval BOOLEAN      NOT NULL,
    area_code      VARCHAR(32)  REFERENCES area(code),
    community_code VARCHAR(32)  REFERENCES community(code),
    manager_group  VARCHAR(64)  NOT NULL,
    CHECK (opens < closes)
);
CREATE INDEX venue_area ON venue(area_code);
CREATE INDEX venue_community ON venue(community_code);

-- One booking of whole hours (B-<yyyymmdd of the day booked>-<6 characters>). start_at/end_at: Beijing time.
-- PENDING waits for the manager's approval (process venue-booking) and holds its hours like ACTIVE.
CREATE TABLE booking (
    code       VARCHAR(20)  PRIMARY KEY,
    venue_code VARCHAR(32)  NOT NULL REFERENCES venue(code),
    start_at   TIMESTAMP    NOT NULL,
    end_at     TIMESTAMP    NOT NULL,
    name       VARCHAR(32)  NOT NULL,
    phone      VARCHAR(11)  NOT NULL,
    status     VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED', 'PENDING', 'REJECTED')),
    purpose    VARCHAR(200),
    created_at TIMESTAMP    NOT NULL,
    -- the text of the SMS to the booker once the manager has decided (【联办】您预约的…)
    notice     VARCHAR(500),
    CHECK (end_at > start_at)
);
CREATE INDEX booking_venue_start ON booking(venue_code, start_at);

-- One row per hour an ACTIVE or PENDING booking holds; deleted when it is cancelled or rejected. The unique
-- constraint is what keeps two bookings of one venue from holding the same hour, however close together
-- they arrive: the second insert fails (PostgreSQL: it waits for the first transaction, then fails).
CREATE TABLE booking_slot (
    venue_code   VARCHAR(32) NOT NULL REFERENCES venue(code),
    slot_start   TIMESTAMP   NOT NULL,
    booking_code VARCHAR(20) NOT NULL REFERENCES booking(code),
    CONSTRAINT booking_slot_once UNIQUE (venue_code, slot_start)
);
CREATE INDEX booking_slot_booking ON booking_slot(booking_code);
