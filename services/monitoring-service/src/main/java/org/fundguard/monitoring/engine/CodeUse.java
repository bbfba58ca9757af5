package org.fundguard.monitoring.engine;

import java.time.LocalDateTime;

/**
 * One paid (net of refunds) use of a national code by a patient: the visit and the fee date.
 *
 * @param mdtrtId        the visit
 * @param visitBegntime  the visit's begntime (for visit order)
 * @param feeEpochDay    the fee date as an epoch day
 */
public record CodeUse(String mdtrtId, LocalDateTime visitBegntime, long feeEpochDay) {
}
