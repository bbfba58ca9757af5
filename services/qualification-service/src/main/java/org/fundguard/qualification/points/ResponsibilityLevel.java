package org.fundguard.qualification.points;

/** 一般 / 重要 / 主要, as {@code violation.decided.v1} names them. */
public enum ResponsibilityLevel {
    GENERAL, IMPORTANT, PRINCIPAL
}
