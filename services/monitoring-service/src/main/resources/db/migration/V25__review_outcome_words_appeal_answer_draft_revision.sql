-- One vocabulary for what a step found: CONFIRMED / DISMISSED at first and second review, on investigation and on a
-- sample's re-check (first and second review said CONFIRM / DISMISS before).
UPDATE review_case SET first_outcome = CASE first_outcome WHEN 'CONFIRM' THEN 'CONFIRMED' WHEN 'DISMISS' THEN 'DISMISSED' ELSE first_outcome END,
                       second_outcome = CASE second_outcome WHEN 'CONFIRM' THEN 'CONFIRMED' WHEN 'DISMISS' THEN 'DISMISSED' ELSE second_outcome END
 WHERE first_outcome IN ('CONFIRM', 'DISMISS') OR second_outcome IN ('CONFIRM', 'DISMISS');
UPDATE review_sample_item SET original_outcome = CASE original_outcome WHEN 'CONFIRM' THEN 'CONFIRMED' WHEN 'DISMISS' THEN 'DISMISSED' ELSE original_outcome END,
                              recheck_outcome = CASE recheck_outcome WHEN 'CONFIRM' THEN 'CONFIRMED' WHEN 'DISMISS' THEN 'DISMISSED' ELSE recheck_outcome END
 WHERE original_outcome IN ('CONFIRM', 'DISMISS') OR recheck_outcome IN ('CONFIRM', 'DISMISS');

-- why the institution's appeal did not hold, as it is told; and which draft of the decision it is answering
ALTER TABLE review_case ADD COLUMN appeal_answer varchar(2000);
ALTER TABLE review_case ADD COLUMN draft_revision integer NOT NULL DEFAULT 0;
UPDATE review_case SET draft_revision = 1 WHERE decision IS NOT NULL;

-- findings looked up by visit, institution and rule
CREATE INDEX finding_visit ON finding (mdtrt_id);
CREATE INDEX finding_institution_rule ON finding (fixmedins_code, rule_code);
-- screening jobs listed by region, newest first
CREATE INDEX screening_job_region_started ON screening_job (region, started_at DESC);
