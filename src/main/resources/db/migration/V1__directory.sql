-- The organisation: city -> streets -> areas (精治片区) -> communities -> grids; departments beside the tree.
CREATE TABLE area_type (
    code        VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(255)
);

CREATE TABLE street (
    code VARCHAR(32)  PRIMARY KEY,
    name VARCHAR(64)  NOT NULL,
    lat  DOUBLE PRECISION NOT NULL,
    lon  DOUBLE PRECISION NOT NULL,
    email VARCHAR(128)
);

CREATE TABLE area (
    code        VARCHAR(32) PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    street_code VARCHAR(32) NOT NULL REFERENCES street(code),
    area_type   VARCHAR(32) NOT NULL REFERENCES area_type(code),
    lat         DOUBLE PRECISION NOT NULL,
    lon         DOUBLE PRECISION NOT NULL,
    email       VARCHAR(128)
);

CREATE TABLE community (
    code      VARCHAR(32) PRIMARY KEY,
    name      VARCHAR(64) NOT NULL,
    area_code VARCHAR(32) NOT NULL REFERENCES area(code),
    lat       DOUBLE PRECISION NOT NULL,
    lon       DOUBLE PRECISION NOT NULL,
    email     VARCHAR(128)
);
CREATE INDEX community_area ON community(area_code);

CREATE TABLE grid (
    code           VARCHAR(32) PRIMARY KEY,
    name           VARCHAR(64) NOT NULL,
    community_code VARCHAR(32) NOT NULL REFERENCES community(code),
    lat            DOUBLE PRECISION NOT NULL,
    lon            DOUBLE PRECISION NOT NULL
);
CREATE INDEX grid_community ON grid(community_code);

CREATE TABLE department (
    code  VARCHAR(32)  PRIMARY KEY,
    name  VARCHAR(64)  NOT NULL,
    email VARCHAR(128) NOT NULL
);

-- A person with a login is mirrored into the Camunda identity at startup.
-- role is one of the contract's role groups; unit_type/unit_code name the unit they act for.
CREATE TABLE person (
    login     VARCHAR(64)  PRIMARY KEY,
    name      VARCHAR(64)  NOT NULL,
    email     VARCHAR(128) NOT NULL,
    role      VARCHAR(32)  NOT NULL,
    unit_type VARCHAR(16),
    unit_code VARCHAR(32),
    password  VARCHAR(128)
);
CREATE INDEX person_unit ON person(unit_type, unit_code);

-- Which department leads an issue of a category (the responsibility list's first answer).
CREATE TABLE category_department (
    category  VARCHAR(32) PRIMARY KEY,
    name      VARCHAR(32) NOT NULL,
    dept_code VARCHAR(32) NOT NULL REFERENCES department(code)
);

-- Business key sequences (JH-2026-000042): one row per prefix and year, incremented under a row lock.
CREATE TABLE key_sequence (
    prefix     VARCHAR(8) NOT NULL,
    seq_year   INT        NOT NULL,
    last_value BIGINT     NOT NULL,
    PRIMARY KEY (prefix, seq_year)
);

-- Time limits are data: per colour (initial) and per level (after escalation).
CREATE TABLE time_limit (
    kind          VARCHAR(8)  NOT NULL,   -- COLOR or LEVEL
    limit_key     VARCHAR(16) NOT NULL,   -- GREEN/YELLOW/RED or 1..5
    accept_hours  INT         NOT NULL,
    resolve_days  INT         NOT NULL,   -- Chinese working days
    PRIMARY KEY (kind, limit_key)
);
INSERT INTO time_limit VALUES ('COLOR', 'GREEN', 24, 3);
INSERT INTO time_limit VALUES ('COLOR', 'YELLOW', 24, 7);
INSERT INTO time_limit VALUES ('COLOR', 'RED', 2, 15);
INSERT INTO time_limit VALUES ('LEVEL', '1', 24, 3);
INSERT INTO time_limit VALUES ('LEVEL', '2', 24, 3);
INSERT INTO time_limit VALUES ('LEVEL', '3', 24, 7);
INSERT INTO time_limit VALUES ('LEVEL', '4', 24, 7);
INSERT INTO time_limit VALUES ('LEVEL', '5', 2, 15);
