package org.fundguard.qualification.lookup;

import org.fundguard.kit.problem.DomainException;

/** The look-up has not yet replayed this service's events up to where the topic ended at start (503): no guess. */
public class LookupNotReady extends DomainException {

    public LookupNotReady(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service Unavailable";
    }
}
