package org.fundguard.monitoring.check;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The doctor's latest disposition of a warning (3103); earlier ones are in the audit log. */
@Entity
@Table(name = "check_feedback")
public class CheckFeedback extends PanacheEntityBase {

    @Id
    @Column(name = "jr_id")
    public String jrId;

    @Column(name = "warn_type")
    public String warnType;

    /** 1 继续执行, 2 返回修改. */
    @Column(name = "dspo_way")
    public String dspoWay;

    @Column(name = "dspo_way_rea")
    public String dspoWayRea;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
