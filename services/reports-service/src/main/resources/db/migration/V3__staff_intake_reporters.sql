-- A real-name reporter recorded by staff (phone, letter, visit) has no receipt: they are told of the decision by
-- staff, within 5 working days (notice_due), and the way they were told is kept.
ALTER TABLE report
    ADD COLUMN notice_due     date,
    ADD COLUMN notice_channel varchar(20);
CREATE INDEX report_notice_due ON report (notice_due) WHERE notified_at IS NULL;
