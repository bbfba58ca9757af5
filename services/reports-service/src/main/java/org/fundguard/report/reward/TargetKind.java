package org.fundguard.report.reward;

/** Who the report is about: a designated institution (hospital, pharmacy) or an individual (insured person, practitioner). */
public enum TargetKind {
    INSTITUTION,
    INDIVIDUAL
}
