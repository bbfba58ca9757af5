package org.fundguard.monitoring.review;

/**
 * Where a review case stands (domain README §2: 初审 → 复审 → 申诉 → 调查核实 → 处理, and §0 art. 31 陈述申辩):
 * a suspect starts at {@link #FIRST_REVIEW}, a definite violation at {@link #APPEAL_OPEN}.
 */
public enum ReviewStatus {
    /** 初审: an auditor confirms or dismisses. */
    FIRST_REVIEW(true),
    /** 复审: another auditor confirms (the institution is told) or dismisses (closed). */
    SECOND_REVIEW(true),
    /** 申诉: the institution may appeal with documents until the step's deadline. */
    APPEAL_OPEN(false),
    /** 调查核实: after an appeal, an auditor investigates and records the fund loss or finds it unfounded. */
    INVESTIGATION(true),
    /** 处理: an auditor drafts the handling decision. */
    DECISION(true),
    /** 陈述申辩: the institution may state and defend against the draft until the deadline; then the decision is made final. */
    STATEMENT(false),
    DECIDED(false),
    DISMISSED(false);

    private final boolean staffStep;

    ReviewStatus(boolean staffStep) {
        this.staffStep = staffStep;
    }

    /** A step staff must take by its deadline (a case past it is overdue); the others wait for the institution or are closed. */
    public boolean staffStep() {
        return staffStep;
    }

    public boolean closed() {
        return this == DECIDED || this == DISMISSED;
    }
}
