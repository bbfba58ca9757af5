-- The token subject of each reviewer beside the username shown, so the separation-of-duties checks (second review,
-- re-check of a sample) compare persons, not display names. Cases reviewed before this migration have none; their
-- checks compare usernames.
ALTER TABLE review_case ADD COLUMN first_reviewer_subject varchar(255);
ALTER TABLE review_case ADD COLUMN second_reviewer_subject varchar(255);

-- An appeal document's name as the institution sent it; name holds the name shown (no control or bidi-override
-- characters, at most 200 characters).
ALTER TABLE review_document ADD COLUMN original_name varchar(400);
