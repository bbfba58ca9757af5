package org.fundguard.report;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Marks approved rewards whose claim window has passed as waived (视为放弃), so the status, the event
 * {@code reward.waived.v1} and the audit entry exist without anyone having to look. Safe on several replicas: a reward
 * changed by two at once fails one transaction on its version, and the next pass finds nothing left to do.
 */
@ApplicationScoped
public class RewardWaivers {

    private static final Logger LOG = Logger.getLogger(RewardWaivers.class);
    static final int BATCH = 200;

    private final RewardService rewards;

    public RewardWaivers(RewardService rewards) {
        this.rewards = rewards;
    }

    @Scheduled(every = "${reports.waiver-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pass() {
        return waiveAll().onFailure().invoke(e -> LOG.warnf("reward waiver pass failed: %s", String.valueOf(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Waives every expired reward, a batch per transaction; returns how many. */
    public Uni<Integer> waiveAll() {
        return rewards.waiveExpired(BATCH).chain(n -> n < BATCH ? Uni.createFrom().item(n) : waiveAll().map(m -> n + m));
    }
}
