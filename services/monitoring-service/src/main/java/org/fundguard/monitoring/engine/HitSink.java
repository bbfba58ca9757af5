package org.fundguard.monitoring.engine;

/** Receives hits as the engine finds them, so batch screening need not collect them per visit. */
@FunctionalInterface
public interface HitSink {
    void accept(Hit hit);
}
