package org.fundguard.monitoring.engine;

/**
 * Everything beyond the visit itself that rules consult: the patient's history, the traceability-code index, the death
 * registry and the practitioners' qualification replica. Each defaults to "knows nothing".
 */
public record CrossClaimContext(PatientHistory history, TraceCodeIndex traceCodes, DeathRegistry deaths,
        QualificationReplica qualifications) {

    public CrossClaimContext {
        history = history == null ? PatientHistory.none() : history;
        traceCodes = traceCodes == null ? TraceCodeIndex.none() : traceCodes;
        deaths = deaths == null ? DeathRegistry.none() : deaths;
        qualifications = qualifications == null ? QualificationReplica.none() : qualifications;
    }

    public static CrossClaimContext none() {
        return new CrossClaimContext(null, null, null, null);
    }

    public CrossClaimContext withHistory(PatientHistory h) {
        return new CrossClaimContext(h, traceCodes, deaths, qualifications);
    }

    public CrossClaimContext withTraceCodes(TraceCodeIndex t) {
        return new CrossClaimContext(history, t, deaths, qualifications);
    }

    public CrossClaimContext withDeaths(DeathRegistry d) {
        return new CrossClaimContext(history, traceCodes, d, qualifications);
    }

    public CrossClaimContext withQualifications(QualificationReplica q) {
        return new CrossClaimContext(history, traceCodes, deaths, q);
    }
}
