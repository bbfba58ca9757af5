package org.fundguard.monitoring.check;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.List;

/** Writes of check results (the violations a 3101/3102 answered) on the reactive pool. */
final class CheckResultStore {

    private static final String INSERT_RESULTS = "INSERT INTO check_result (jr_id, infno, task_id, trig_scen, "
            + "fixmedins_code, patn_id, mdtrt_id, rule_id, kp_id, kp_version, sev_deg, vola_amt, rule_set_version, "
            + "checked_at) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], "
            + "$5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::int4[], $11::int2[], "
            + "$12::text[]::numeric[], $13::int4[], $14::timestamptz[])";

    private CheckResultStore() {
    }

    /**
     * Stores a check's violations as one statement (atomic on its own, one round trip, no ORM session): at hundreds of
     * checks a second, the entity path's session, transaction and per-row inserts cost more than the rules.
     */
    static Uni<Void> insert(SqlClient client, List<CheckResult> rows) {
        int n = rows.size();
        String[] jrId = new String[n], infno = new String[n], taskId = new String[n], trigScen = new String[n],
                fixmedins = new String[n], patnId = new String[n], mdtrtId = new String[n], ruleId = new String[n],
                kpId = new String[n], amount = new String[n];
        Integer[] kpVersion = new Integer[n], ruleSet = new Integer[n];
        Short[] sevDeg = new Short[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            CheckResult r = rows.get(i);
            jrId[i] = r.jrId;
            infno[i] = r.infno;
            taskId[i] = r.taskId;
            trigScen[i] = r.trigScen;
            fixmedins[i] = r.fixmedinsCode;
            patnId[i] = r.patnId;
            mdtrtId[i] = r.mdtrtId;
            ruleId[i] = r.ruleId;
            kpId[i] = r.kpId;
            kpVersion[i] = r.kpVersion;
            sevDeg[i] = r.sevDeg;
            amount[i] = r.volaAmt.toPlainString();
            ruleSet[i] = r.ruleSetVersion;
            at[i] = r.checkedAt;
        }
        return client.preparedQuery(INSERT_RESULTS).execute(Tuple.from(new Object[] {jrId, infno, taskId, trigScen,
                fixmedins, patnId, mdtrtId, ruleId, kpId, kpVersion, sevDeg, amount, ruleSet, at})).replaceWithVoid();
    }

}
