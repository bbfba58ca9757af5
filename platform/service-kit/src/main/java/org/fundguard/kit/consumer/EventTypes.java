package org.fundguard.kit.consumer;

import org.fundguard.kit.decision.ViolationDecided;

/**
 * Event types ({@code ce_type}) that one service produces and others consume, each exactly its schema's title in
 * {@code contracts/events/} ({@code EventTypesTest}). A service's own events carry theirs as {@code TYPE} on their
 * payload records.
 */
public final class EventTypes {

    /** Reports' and monitoring's decided violations; the payload is {@link ViolationDecided}. */
    public static final String VIOLATION_DECIDED = ViolationDecided.TYPE;
    /** A practitioner's payment qualification suspended for a period (qualification-service → monitoring). */
    public static final String QUALIFICATION_SUSPENDED = "qualification.suspended.v1";
    /** A practitioner's payment qualification terminated (qualification-service → monitoring). */
    public static final String QUALIFICATION_TERMINATED = "qualification.terminated.v1";
    /** A practitioner may bill again (qualification-service → monitoring). */
    public static final String QUALIFICATION_RESTORED = "qualification.restored.v1";

    private EventTypes() {
    }
}
