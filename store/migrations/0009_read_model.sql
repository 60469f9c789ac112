-- How a human correction applies to a mention's labels is defined once,
-- in the read model (store/readmodel.go), for Grafana's panels and every
-- reader in Go alike. The views that defined it a second and a third time
-- (label_overrides of 0004, mentions_effective of 0007) go. DROP TABLE
-- drops a view on 18.16 and 24+.
DROP TABLE IF EXISTS ${db}.mentions_effective;
DROP TABLE IF EXISTS ${db}.label_overrides;
