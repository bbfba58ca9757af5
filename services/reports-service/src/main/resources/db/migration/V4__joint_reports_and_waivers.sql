-- Joint reports (联名举报): a report made together with an earlier one of the same matter points at the group's
-- first report; the group gets one reward, approved on the first report and shared by agreement, one share per report.
ALTER TABLE report
    ADD COLUMN joint_with uuid REFERENCES report (id);
CREATE INDEX report_joint_with ON report (joint_with) WHERE joint_with IS NOT NULL;

ALTER TABLE reward
    ADD COLUMN joint_report_id uuid REFERENCES report (id);
CREATE INDEX reward_joint_report ON reward (joint_report_id) WHERE joint_report_id IS NOT NULL;
-- the waiver job looks for approved rewards past their claim window
CREATE INDEX reward_approved_deadline ON reward (claim_deadline) WHERE status = 'APPROVED';
