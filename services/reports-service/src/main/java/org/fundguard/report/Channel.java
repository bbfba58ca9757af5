package org.fundguard.report;

/** How a report reached the bureau (举报渠道). */
public enum Channel {
    INTERNET, PHONE, LETTER, VISIT
}
