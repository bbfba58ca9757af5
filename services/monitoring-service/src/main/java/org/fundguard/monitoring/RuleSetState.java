package org.fundguard.monitoring;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fundguard.kit.security.Caller;

import java.time.OffsetDateTime;

/** The rule-set version in use (table {@code rule_set_state}, one row; none = the latest). Call within a transaction. */
@Entity
@Table(name = "rule_set_state")
public class RuleSetState extends PanacheEntityBase {

    @Id
    public Integer id;
    @Column(name = "active_version")
    public int activeVersion;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    /** Puts {@code version} in use ({@code at} is business time). */
    public static Uni<RuleSetState> activate(int version, Caller by, OffsetDateTime at) {
        return RuleSetState.<RuleSetState>findById(1).chain(s -> {
            RuleSetState state = s == null ? new RuleSetState() : s;
            state.id = 1;
            state.activeVersion = version;
            state.changedAt = at;
            state.changedBy = by.username() == null ? by.subject() : by.username();
            return state.persist();
        });
    }

    /** Keeps {@code latest} in use while a newer version is staged, when nothing was pinned yet. */
    public static Uni<Void> pin(int latest, Caller by, OffsetDateTime at) {
        return RuleSetState.<RuleSetState>findById(1).chain(s -> s != null ? Uni.createFrom().voidItem()
                : activate(latest, by, at).replaceWithVoid());
    }
}
