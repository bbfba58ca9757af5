-- The practitioner list's filters: a code prefix (LIKE 'D3411%' needs pattern ops under a non-C collation) and the
-- person type.
CREATE INDEX practitioner_code_prefix ON practitioner (national_code varchar_pattern_ops);
CREATE INDEX practitioner_type ON practitioner (person_type, national_code);
