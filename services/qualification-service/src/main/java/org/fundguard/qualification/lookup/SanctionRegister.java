package org.fundguard.qualification.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.consumer.PoisonMessageException;
import org.fundguard.kit.consumer.TolerantReader;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may bill, in memory: per national code, the {@link SanctionTimeline} built from this service's own
 * {@code qualification.suspended/terminated/restored.v1} events and nothing else (never the database). Written by the
 * event feed alone (one thread); read by any number of look-ups at once, each timeline immutable.
 */
@ApplicationScoped
public class SanctionRegister {

    private final ConcurrentHashMap<String, SanctionTimeline> byCode = new ConcurrentHashMap<>();
    /**
     * Event ids already applied: the outbox relay delivers at least once, and a pass that failed publishes again from
     * its first event, so an event can come back after later ones (a suspension after its restoration).
     */
    private final Set<String> applied = ConcurrentHashMap.newKeySet();

    /** The code's timeline; {@link SanctionTimeline#EMPTY} when no sanction is known. */
    public SanctionTimeline timeline(String code) {
        SanctionTimeline t = byCode.get(code);
        return t == null ? SanctionTimeline.EMPTY : t;
    }

    /** Codes with a sanction on record. */
    public int size() {
        return byCode.size();
    }

    /**
     * Applies one event of the topic: true when it changed (or confirmed) a timeline, false for an event already
     * applied or of another type (points.*, credit.* … are not the look-up's business).
     *
     * @throws PoisonMessageException when a look-up event's payload is unreadable or misses a required field
     */
    public boolean apply(String type, String id, String payload) {
        if (type == null || !isLookupEvent(type)) {
            return false;
        }
        if (id != null && !applied.add(id)) {
            return false;
        }
        try {
            switch (type) {
                case LookupEvents.Suspended.TYPE -> {
                    LookupEvents.Suspended e = TolerantReader.read(payload, LookupEvents.Suspended.class);
                    if (e.until().isBefore(e.from())) {
                        throw new PoisonMessageException("until: the suspension ends before it begins");
                    }
                    byCode.compute(e.practitionerCode(), (k, t) -> (t == null ? SanctionTimeline.EMPTY : t).with(
                            new SanctionTimeline.Sanction(SanctionTimeline.Status.SUSPENDED, e.from(), e.until(),
                                    e.decisionId(), null)));
                }
                case LookupEvents.Terminated.TYPE -> {
                    LookupEvents.Terminated e = TolerantReader.read(payload, LookupEvents.Terminated.class);
                    byCode.compute(e.practitionerCode(), (k, t) -> (t == null ? SanctionTimeline.EMPTY : t).with(
                            new SanctionTimeline.Sanction(SanctionTimeline.Status.TERMINATED, e.from(), null,
                                    e.decisionId(), e.reRegistrationBarredUntil())));
                }
                default -> {
                    LookupEvents.Restored e = TolerantReader.read(payload, LookupEvents.Restored.class);
                    byCode.computeIfPresent(e.practitionerCode(), (k, t) -> t.restoredFrom(e.from()));
                }
            }
            return true;
        } catch (RuntimeException e) {
            if (id != null) {
                applied.remove(id);
            }
            throw e;
        }
    }

    static boolean isLookupEvent(String type) {
        return LookupEvents.Suspended.TYPE.equals(type) || LookupEvents.Terminated.TYPE.equals(type)
                || LookupEvents.Restored.TYPE.equals(type);
    }
}
