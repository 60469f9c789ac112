-- Privacy (store/privacy.go): a post's link that still names a citizen
-- (no handle-free form on its platform) is kept here, out of url; the
-- report, the dashboards, the review queue and the exports read url only
-- and restricted_url only where an authorised option asks. In production,
-- give readers (Grafana) no SELECT on this column (deploy/README.md).
ALTER TABLE ${db}.mentions ADD COLUMN restricted_url String;

-- One definition of a spike (alert/README.md, "One spike, one count"):
-- from its first to its last post of the family in the alert's scope while
-- the alert was active, and the number of those posts. The alert message,
-- the weekly report and the Lonjakan panel all show these.
ALTER TABLE ${db}.alerts ADD COLUMN span_from DateTime;
ALTER TABLE ${db}.alerts ADD COLUMN span_to DateTime;
ALTER TABLE ${db}.alerts ADD COLUMN span_count Int64;
