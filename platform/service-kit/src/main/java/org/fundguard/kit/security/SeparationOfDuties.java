package org.fundguard.kit.security;

import org.fundguard.kit.problem.DomainException;

import java.util.Objects;

/**
 * Four-eyes rules: a step that must be taken by another person than an earlier one (the verifier never approves the
 * reward, the publisher never approves the publication).
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /**
     * Refuses (403) when {@code actor} is the person who took the earlier step, identified by its token subject
     * {@code earlierSubject}; passes when there was no earlier step ({@code null}). The problem's detail is the rule,
     * e.g. {@code "the officer who verified a report may not approve its reward"}, and never names the person.
     *
     * @throws DomainException.AccessDenied when the subjects are the same
     */
    public static void requireDifferentPerson(Caller actor, String earlierSubject, String rule) {
        Objects.requireNonNull(actor, "actor");
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a separation-of-duties rule must be named");
        }
        if (earlierSubject != null && earlierSubject.equals(actor.subject())) {
            String r = rule.strip();
            throw new DomainException.AccessDenied("Separation of duties: " + r + (r.endsWith(".") ? "" : "."));
        }
    }
}
