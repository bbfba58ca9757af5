package org.fundguard.monitoring.check;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One violation answered to a 3101/3102 check, kept so that a 3103 feedback can name it (jr_id). */
@Entity
@Table(name = "check_result")
public class CheckResult extends PanacheEntityBase {

    @Id
    @Column(name = "jr_id")
    public String jrId;

    public String infno;

    @Column(name = "task_id")
    public String taskId;

    @Column(name = "trig_scen")
    public String trigScen;

    @Column(name = "fixmedins_code")
    public String fixmedinsCode;

    @Column(name = "patn_id")
    public String patnId;

    @Column(name = "mdtrt_id")
    public String mdtrtId;

    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "kp_id")
    public String kpId;

    @Column(name = "kp_version")
    public int kpVersion;

    @Column(name = "sev_deg")
    public short sevDeg;

    @Column(name = "vola_amt")
    public BigDecimal volaAmt;

    @Column(name = "rule_set_version")
    public int ruleSetVersion;

    @Column(name = "checked_at")
    public OffsetDateTime checkedAt;
}
