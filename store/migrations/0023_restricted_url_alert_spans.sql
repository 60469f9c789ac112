-- Privacy (store/privacy.go): a post's link that still names a citizen
-- (no handle-free form on its platform) is kept here, out of url; the
-- report, the dashboards, the review queue and the exports read url only
-- and restricted_url only where an authorised option asks. In production,
-- give readers (Grafana) no SELECT on this column (deploy/README.md).
ALTER TABLE ${db}.mentions ADD COLUMN restricted_url String;
