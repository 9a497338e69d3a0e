-- Funds a joint meeting decides (issue 13) become a claim or a community order that names the case (JH-…),
-- so the money is counted per case; null for the claims and orders communities make themselves.
ALTER TABLE resource_claim ADD COLUMN case_key VARCHAR(32);
ALTER TABLE community_order ADD COLUMN case_key VARCHAR(32);
CREATE INDEX resource_claim_case ON resource_claim(case_key);
CREATE INDEX community_order_case ON community_order(case_key);
